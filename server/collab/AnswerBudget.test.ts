import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerBudget } from './AnswerBudget.ts';

describe('AnswerBudget', () => {
  it('lets answers go while bytes are left, then waits for the rate to pay back what was taken', () => {
    const budget = new AnswerBudget(1000, 3000, 0);
    expect(budget.waitMs(0)).toBe(0);
    budget.spend(2000, 0);
    expect(budget.waitMs(0)).toBe(0);
    // An answer larger than what is left is sent, and then owed.
    budget.spend(2500, 0);
    expect(budget.available(0)).toBe(-1500);
    expect(budget.waitMs(0)).toBe(1501);
    expect(budget.waitMs(1000)).toBe(501);
    expect(budget.waitMs(1501)).toBe(0);
  });

  it('never holds more than its burst, however long it rested', () => {
    const budget = new AnswerBudget(1000, 3000, 0);
    budget.spend(3000, 0);
    expect(budget.available(60_000)).toBe(3000);
    expect(() => new AnswerBudget(0, 10)).toThrow(RangeError);
    expect(() => new AnswerBudget(10, 0)).toThrow(RangeError);
  });

  it('over any run of answers, sends at most the burst plus what the rate paid back, plus one answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 500 }), bytes: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 200 }),
        (rate, burst, asks) => {
          const budget = new AnswerBudget(rate, burst, 0);
          let now = 0;
          let sent = 0;
          let largest = 0;
          for (const { gapMs, bytes } of asks) {
            now += gapMs;
            // A script asks again and again: each answer goes as soon as the budget lets it.
            now += budget.waitMs(now);
            expect(budget.waitMs(now)).toBe(0);
            budget.spend(bytes, now);
            sent += bytes;
            largest = Math.max(largest, bytes);
            expect(sent).toBeLessThanOrEqual(burst + (now * rate) / 1000 + largest);
          }
        },
      ),
    );
  });
});
