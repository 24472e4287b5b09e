import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptRecord, LoginAttemptStore } from '../auth/loginThrottle.ts';

/** What a LoginAttemptStore implementation gives the contract suite. */
export interface LoginAttemptStoreHarness {
  store: LoginAttemptStore;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

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

    it('holds nothing for a key never put', async () => {
      expect(await attempts.get('account:ana')).toBeNull();
    });

    it('keeps epoch-millisecond times as numbers, past 32 bits', async () => {
      const record: AttemptRecord = { failures: 3, lastFailureAt: 1_740_000_000_123, lockedUntil: 1_740_000_900_123 };
      await attempts.put('account:ana', record);
      expect(await attempts.get('account:ana')).toEqual(record);
      await attempts.put('address:10.0.0.1', { failures: 1, lastFailureAt: 1_740_000_000_000, lockedUntil: 0 });
      expect(await attempts.get('address:10.0.0.1')).toEqual({ failures: 1, lastFailureAt: 1_740_000_000_000, lockedUntil: 0 });
    });

    it('replaces a key’s record on put and keeps keys apart', async () => {
      await attempts.put('account:ana', { failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      await attempts.put('account:bo', { failures: 7, lastFailureAt: 2_000, lockedUntil: 9_000 });
      await attempts.put('account:ana', { failures: 2, lastFailureAt: 3_000, lockedUntil: 0 });
      expect(await attempts.get('account:ana')).toEqual({ failures: 2, lastFailureAt: 3_000, lockedUntil: 0 });
      expect(await attempts.get('account:bo')).toEqual({ failures: 7, lastFailureAt: 2_000, lockedUntil: 9_000 });
      expect(await attempts.get('account:ANA')).toBeNull();
    });

    it('stores the record as it was when put', async () => {
      const record: AttemptRecord = { failures: 1, lastFailureAt: 1_000, lockedUntil: 0 };
      await attempts.put('account:ana', record);
      record.failures = 99;
      expect(await attempts.get('account:ana')).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
    });

    it('deletes one key, and deleting an absent key is harmless', async () => {
      await attempts.put('account:ana', { failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      await attempts.put('address:10.0.0.1', { failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      await attempts.delete('account:ana');
      await attempts.delete('account:nobody');
      expect(await attempts.get('account:ana')).toBeNull();
      expect(await attempts.get('address:10.0.0.1')).toEqual({ failures: 1, lastFailureAt: 1_000, lockedUntil: 0 });
      await attempts.put('account:ana', { failures: 1, lastFailureAt: 5_000, lockedUntil: 0 });
      expect(await attempts.get('account:ana')).toEqual({ failures: 1, lastFailureAt: 5_000, lockedUntil: 0 });
    });
  });
}
