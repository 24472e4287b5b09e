import type { AttemptRecord, LoginAttemptStore } from './loginThrottle.ts';

/** A LoginAttemptStore in a Map: for tests, or a server that accepts losing counts on restart. */
export class MemoryLoginAttemptStore implements LoginAttemptStore {
  readonly #records = new Map<string, AttemptRecord>();

  async get(key: string): Promise<AttemptRecord | null> {
    const record = this.#records.get(key);
    return record ? { ...record } : null;
  }

  async increment(key: string, now: number, windowMs: number): Promise<AttemptRecord> {
    const previous = this.#records.get(key);
    const restart =
      !previous || (previous.lockedUntil <= now && (previous.lockedUntil !== 0 || now - previous.lastFailureAt > windowMs));
    const record = restart
      ? { failures: 1, lastFailureAt: now, lockedUntil: 0 }
      : { failures: previous.failures + 1, lastFailureAt: now, lockedUntil: previous.lockedUntil };
    this.#records.set(key, record);
    return { ...record };
  }

  async decrement(key: string): Promise<void> {
    const record = this.#records.get(key);
    if (record) record.failures = Math.max(0, record.failures - 1);
  }

  async lock(key: string, now: number, until: number): Promise<boolean> {
    const record = this.#records.get(key);
    if (!record || record.lockedUntil > now) return false;
    record.lockedUntil = until;
    return true;
  }

  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }

  async sweep(before: number, now: number): Promise<number> {
    let forgotten = 0;
    for (const [key, record] of this.#records) {
      if (record.lastFailureAt < before && record.lockedUntil <= now) {
        this.#records.delete(key);
        forgotten++;
      }
    }
    return forgotten;
  }
}
