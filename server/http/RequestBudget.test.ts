import { describe, expect, it } from 'vitest';
import { RequestBudget, type BudgetedKind } from './RequestBudget.ts';

describe('RequestBudget in memory', () => {
  it('lets an account spend its points, then refuses it until the window ends, telling its first refusal apart', async () => {
    const refused: BudgetedKind[] = [];
    const budget = RequestBudget.inMemory(5, 60).countRefusals({ requestRefused: (kind) => refused.push(kind) });
    expect(await budget.spend(1, 3, 'api')).toEqual({ ok: true });
    expect(await budget.spend(1, 2, 'socket')).toEqual({ ok: true });
    const first = await budget.spend(1, 1, 'api');
    const second = await budget.spend(1, 1, 'socket');
    expect(first).toMatchObject({ ok: false, first: true });
    expect(second).toMatchObject({ ok: false, first: false });
    for (const spent of [first, second]) {
      if (spent.ok) throw new Error('refused above');
      expect(spent.retryAfterMs).toBeGreaterThan(0);
      expect(spent.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    expect(refused).toEqual(['api', 'socket']);
    // Another account has its own.
    expect(await budget.spend(2, 5, 'api')).toEqual({ ok: true });
  });

  it('refuses a request costing more than is left, and its refusal spends the rest', async () => {
    const budget = RequestBudget.inMemory(10, 60);
    expect(await budget.spend(1, 4, 'api')).toEqual({ ok: true });
    expect(await budget.spend(1, 10, 'api')).toMatchObject({ ok: false, first: true });
    expect(await budget.spend(1, 1, 'api')).toMatchObject({ ok: false, first: false });
  });

  it('lets one request through per window when a budget is smaller than its cost', async () => {
    const budget = RequestBudget.inMemory(3, 60);
    expect(await budget.spend(1, 10, 'api')).toEqual({ ok: true });
    expect(await budget.spend(1, 1, 'api')).toMatchObject({ ok: false });
  });

  it('gives the points back once the window has ended', async () => {
    const budget = RequestBudget.inMemory(2, 1);
    expect(await budget.spend(1, 2, 'api')).toEqual({ ok: true });
    const refused = await budget.spend(1, 1, 'api');
    if (refused.ok) throw new Error('expected a refusal');
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
    expect(await budget.spend(1, 2, 'api')).toEqual({ ok: true });
  });
});
