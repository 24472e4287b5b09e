import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.ts';

describe('TokenBucket', () => {
  it('takes tokens while it holds them, then waits for the rate', () => {
    const bucket = new TokenBucket(10, 3);
    expect([1, 2, 3, 4].map(() => bucket.tryTake(1, 0))).toEqual([true, true, true, false]);
    expect(bucket.msUntil(1, 0)).toBe(100);
    expect(bucket.tryTake(1, 99)).toBe(false);
    expect(bucket.tryTake(1, 100)).toBe(true);
  });

  it('lets what was spent be owed, and waits until the rate paid it back', () => {
    const bucket = new TokenBucket(1000, 3000);
    expect(bucket.msUntil(1, 0)).toBe(0);
    bucket.spend(2000, 0);
    expect(bucket.msUntil(1, 0)).toBe(0);
    // An answer larger than what is left is sent, and then owed.
    bucket.spend(2500, 0);
    expect(bucket.available(0)).toBe(-1500);
    expect(bucket.msUntil(1, 0)).toBe(1501);
    expect(bucket.msUntil(1, 1000)).toBe(501);
    expect(bucket.msUntil(1, 1501)).toBe(0);
  });

  it('never holds more than its burst, however long it rested, and starts its clock at the first call', () => {
    const bucket = new TokenBucket(1000, 3000);
    bucket.spend(3000, 5_000);
    expect(bucket.available(60_000)).toBe(3000);
    // A clock that goes back takes nothing and gives nothing.
    bucket.spend(1000, 60_000);
    expect(bucket.available(10_000)).toBe(2000);
    expect(() => new TokenBucket(0, 10)).toThrow(RangeError);
    expect(() => new TokenBucket(10, 0)).toThrow(RangeError);
  });

  it('over any run of spends made as soon as it allows, gives at most the burst plus what the rate paid back, plus one spend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 500 }), tokens: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 200 }),
        (rate, burst, asks) => {
          const bucket = new TokenBucket(rate, burst);
          let now = 0;
          let spent = 0;
          let largest = 0;
          for (const { gapMs, tokens } of asks) {
            now += gapMs;
            // A script asks again and again: each answer goes as soon as the bucket lets it.
            now += bucket.msUntil(1, now);
            expect(bucket.msUntil(1, now)).toBe(0);
            bucket.spend(tokens, now);
            spent += tokens;
            largest = Math.max(largest, tokens);
            expect(spent).toBeLessThanOrEqual(burst + (now * rate) / 1000 + largest);
          }
        },
      ),
    );
  });
});
