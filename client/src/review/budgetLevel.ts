import type { CharBudget, WordBudget } from '../../../shared/deskLimits.ts';

/** How a counter is shown: within budget, close to it (amber), or over it (red). */
export type BudgetLevel = 'ok' | 'near' | 'over';

/** A character count turns amber from 90 % of its limit and red past it. */
export function charLevel(budget: CharBudget): BudgetLevel {
  if (budget.over) return 'over';
  return budget.count >= budget.limit * 0.9 ? 'near' : 'ok';
}

/** The body turns amber past its assigned length and red more than 10 % past it; no target, no colour. */
export function wordLevel(budget: WordBudget): BudgetLevel {
  if (budget.ratio === null) return 'ok';
  if (budget.ratio > 1.1) return 'over';
  return budget.over ? 'near' : 'ok';
}
