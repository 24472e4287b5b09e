import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginAttemptStore } from '../auth/loginThrottle.ts';

/** What a LoginAttemptStore implementation gives the contract suite. */
export interface LoginAttemptStoreHarness {
  store: LoginAttemptStore;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

const WINDOW = 600_000;

/** Runs the LoginAttemptStore contract against any implementation; every backend must pass it. */
export function loginAttemptStoreContract(
  name: string,
  createHarness: () => LoginAttemptStoreHarness | Promise<LoginAttemptStoreHarness>,
): void {
  describe(`LoginAttemptStore contract: ${name}`, () => {
    let harness: LoginAttemptStoreHarness;
    let attempts: LoginAttemptStore;

    beforeEach(async () => {
      harness = await createHarness();
      attempts = harness.store;
    });
    afterEach(() => harness.close());

    it('holds nothing for a key never counted', async () => {
      expect(await attempts.get('account:ana')).toBeNull();
    });

    it('counts a first failure, then one more at each increment, answering the record after', async () => {
      expect(await attempts.increment('account:ana', 1_000, WINDOW)).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      expect(await attempts.increment('account:ana', 2_000, WINDOW)).toEqual({ failures: 2, lastFailureAt: 2_000, lockedUntil: 0 });
      expect(await attempts.get('account:ana')).toEqual({ failures: 2, lastFailureAt: 2_000, lockedUntil: 0 });
    });

    it('keeps epoch-millisecond times as numbers, past 32 bits', async () => {
      await attempts.increment('account:ana', 1_740_000_000_123, WINDOW);
      expect(await attempts.lock('account:ana', 1_740_000_000_123, 1_740_000_900_123)).toBe(true);
      expect(await attempts.get('account:ana')).toEqual({ failures: 1, lastFailureAt: 1_740_000_000_123, lockedUntil: 1_740_000_900_123 });
      await attempts.increment('address:10.0.0.1', 1_740_000_000_000, WINDOW);
      expect(await attempts.get('address:10.0.0.1')).toEqual({ failures: 1, lastFailureAt: 1_740_000_000_000, lockedUntil: 0 });
    });

    it('keeps keys apart, byte for byte', async () => {
      await attempts.increment('account:ana', 1_000, WINDOW);
      await attempts.increment('account:bo', 2_000, WINDOW);
      await attempts.increment('account:bo', 2_500, WINDOW);
      await attempts.increment('account:ana', 3_000, WINDOW);
      expect(await attempts.get('account:ana')).toEqual({ failures: 2, lastFailureAt: 3_000, lockedUntil: 0 });
      expect(await attempts.get('account:bo')).toEqual({ failures: 2, lastFailureAt: 2_500, lockedUntil: 0 });
      expect(await attempts.get('account:ANA')).toBeNull();
      expect(await attempts.get('pair:ana 10.0.0.1')).toBeNull();
    });

    it('answers copies: changing a returned record changes nothing stored', async () => {
      const counted = await attempts.increment('account:ana', 1_000, WINDOW);
      counted.failures = 99;
      const read = (await attempts.get('account:ana'))!;
      read.lockedUntil = 5;
      expect(await attempts.get('account:ana')).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
    });

    it('starts again at 1 after more than the window without a failure, not at the window itself', async () => {
      await attempts.increment('account:ana', 1_000, WINDOW);
      await attempts.increment('account:ana', 1_000 + WINDOW, WINDOW);
      expect((await attempts.get('account:ana'))!.failures).toBe(2);
      expect(await attempts.increment('account:ana', 1_000 + 2 * WINDOW + 1, WINDOW)).toEqual({
        failures: 1,
        lastFailureAt: 1_000 + 2 * WINDOW + 1,
        lockedUntil: 0,
      });
    });

    it('locks a key once: a second lock while it runs is refused and changes nothing', async () => {
      await attempts.increment('pair:ana 10.0.0.1', 1_000, WINDOW);
      expect(await attempts.lock('pair:ana 10.0.0.1', 1_000, 61_000)).toBe(true);
      expect(await attempts.lock('pair:ana 10.0.0.1', 2_000, 99_000)).toBe(false);
      expect(await attempts.get('pair:ana 10.0.0.1')).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 61_000 });
    });

    it('does not create a key by locking it', async () => {
      expect(await attempts.lock('address:10.0.0.9', 1_000, 61_000)).toBe(false);
      expect(await attempts.get('address:10.0.0.9')).toBeNull();
    });

    it('keeps counting under a running lock, even past the window, and keeps the lock', async () => {
      await attempts.increment('pair:ana 10.0.0.1', 1_000, 10_000);
      await attempts.lock('pair:ana 10.0.0.1', 1_000, 100_000);
      expect(await attempts.increment('pair:ana 10.0.0.1', 50_000, 10_000)).toEqual({ failures: 2, lastFailureAt: 50_000, lockedUntil: 100_000 });
      expect(await attempts.increment('pair:ana 10.0.0.1', 99_999, 10_000)).toEqual({ failures: 3, lastFailureAt: 99_999, lockedUntil: 100_000 });
    });

    it('starts again at 1, unlocked, once a lock has run out (at its last millisecond, not before)', async () => {
      await attempts.increment('pair:ana 10.0.0.1', 1_000, WINDOW);
      await attempts.increment('pair:ana 10.0.0.1', 1_001, WINDOW);
      await attempts.lock('pair:ana 10.0.0.1', 1_001, 5_000);
      expect(await attempts.increment('pair:ana 10.0.0.1', 5_000, WINDOW)).toEqual({ failures: 1, lastFailureAt: 5_000, lockedUntil: 0 });
      expect(await attempts.lock('pair:ana 10.0.0.1', 6_000, 9_000)).toBe(true);
      expect(await attempts.lock('pair:ana 10.0.0.1', 9_000, 12_000)).toBe(true);
    });

    it('takes back one failure, never below zero, and never creates a key', async () => {
      await attempts.increment('account:ana', 1_000, WINDOW);
      await attempts.increment('account:ana', 2_000, WINDOW);
      await attempts.decrement('account:ana');
      expect(await attempts.get('account:ana')).toEqual({ failures: 1, lastFailureAt: 2_000, lockedUntil: 0 });
      await attempts.decrement('account:ana');
      await attempts.decrement('account:ana');
      expect(await attempts.get('account:ana')).toEqual({ failures: 0, lastFailureAt: 2_000, lockedUntil: 0 });
      expect(await attempts.increment('account:ana', 3_000, WINDOW)).toMatchObject({ failures: 1 });
      await attempts.decrement('account:nobody');
      expect(await attempts.get('account:nobody')).toBeNull();
    });

    it('deletes one key, and deleting an absent key is harmless', async () => {
      await attempts.increment('account:ana', 1_000, WINDOW);
      await attempts.increment('address:10.0.0.1', 1_000, WINDOW);
      await attempts.delete('account:ana');
      await attempts.delete('account:nobody');
      expect(await attempts.get('account:ana')).toBeNull();
      expect(await attempts.get('address:10.0.0.1')).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      expect(await attempts.increment('account:ana', 5_000, WINDOW)).toEqual({ failures: 1, lastFailureAt: 5_000, lockedUntil: 0 });
    });

    it('sweeps keys whose last failure is before the cut-off, but never one still locked', async () => {
      await attempts.increment('account:old', 1_000, WINDOW);
      await attempts.increment('account:cutoff', 2_000, WINDOW);
      await attempts.increment('pair:old 10.0.0.1', 1_000, WINDOW);
      await attempts.lock('pair:old 10.0.0.1', 1_000, 10_000);
      await attempts.increment('pair:ended 10.0.0.1', 1_000, WINDOW);
      await attempts.lock('pair:ended 10.0.0.1', 1_000, 5_000);
      await attempts.increment('account:new', 3_000, WINDOW);
      expect(await attempts.sweep(2_000, 5_000)).toBe(2);
      expect(await attempts.get('account:old')).toBeNull();
      expect(await attempts.get('pair:ended 10.0.0.1')).toBeNull();
      expect(await attempts.get('account:cutoff')).not.toBeNull();
      expect(await attempts.get('pair:old 10.0.0.1')).toMatchObject({ lockedUntil: 10_000 });
      expect(await attempts.get('account:new')).not.toBeNull();
      expect(await attempts.sweep(2_000, 5_000)).toBe(0);
    });

    it('counts each of many simultaneous increments once, each answered its own count', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempts.increment('pair:ana 10.0.0.1', 1_000 + i, WINDOW)));
      expect(answers.map((a) => a.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await attempts.get('pair:ana 10.0.0.1'))!.failures).toBe(20);
    });

    it('lets one of several simultaneous locks set it', async () => {
      await attempts.increment('address:10.0.0.1', 1_000, WINDOW);
      const set = await Promise.all([1, 2, 3, 4, 5].map((i) => attempts.lock('address:10.0.0.1', 1_000, 60_000 + i)));
      expect(set.filter(Boolean)).toHaveLength(1);
      const lockedUntil = (await attempts.get('address:10.0.0.1'))!.lockedUntil;
      expect(lockedUntil).toBe(60_000 + set.indexOf(true) + 1);
    });
  });
}
