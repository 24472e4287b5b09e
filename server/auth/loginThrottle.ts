/** Failure count for one key (`account:<name>` or `address:<ip>`). Times are epoch ms. */
export interface AttemptRecord {
  failures: number;
  lastFailureAt: number;
  /** 0 when not locked. */
  lockedUntil: number;
}

/** Where failure counts live; SQLite keeps them across restarts, memory serves tests and single runs. */
export interface LoginAttemptStore {
  get(key: string): Promise<AttemptRecord | null>;
  put(key: string, record: AttemptRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Limits for one kind of key. */
export interface ThrottleLimits {
  /** Failures answered at full speed. */
  freeFailures: number;
  /** Failures after which the key is refused for `lockMs`. */
  lockAfter: number;
  lockMs: number;
}

export interface LoginThrottleOptions {
  account: ThrottleLimits;
  /** A newsroom shares one address behind NAT, so the address limits are looser. */
  address: ThrottleLimits;
  /** First delay after the free failures; doubles with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key's failures are forgotten after this long without a new one. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: Readonly<LoginThrottleOptions> = Object.freeze({
  account: { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000 },
  address: { freeFailures: 10, lockAfter: 50, lockMs: 15 * 60_000 },
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  windowMs: 15 * 60_000,
});

/** What to do with a sign-in attempt before checking its password. */
export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Slows and then refuses repeated failed sign-ins, per account and per client address.
 * Call `check` before verifying the password (wait `delayMs`, or answer 429 with Retry-After),
 * then `recordFailure` or `recordSuccess`. Unknown usernames count like known ones, so the
 * throttle does not reveal which exist.
 */
export class LoginThrottle {
  readonly #store: LoginAttemptStore;
  readonly #options: LoginThrottleOptions;
  readonly #now: () => number;

  constructor(store: LoginAttemptStore, options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE, now: () => number = Date.now) {
    this.#store = store;
    this.#options = options;
    this.#now = now;
  }

  async check(username: string, address: string): Promise<ThrottleDecision> {
    const now = this.#now();
    const account = await this.#live(accountKey(username), now);
    const addr = await this.#live(addressKey(address), now);
    const lockedUntil = Math.max(account?.lockedUntil ?? 0, addr?.lockedUntil ?? 0);
    if (lockedUntil > now) return { allowed: false, retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) };
    const delayMs = Math.max(
      this.#delayFor(account?.failures ?? 0, this.#options.account),
      this.#delayFor(addr?.failures ?? 0, this.#options.address),
    );
    return { allowed: true, delayMs };
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const now = this.#now();
    await this.#fail(accountKey(username), this.#options.account, now);
    await this.#fail(addressKey(address), this.#options.address, now);
  }

  /** Clears the account's count. The address keeps its count, or one valid account would launder a guessing run. */
  recordSuccess(username: string, _address: string): Promise<void> {
    return this.#store.delete(accountKey(username));
  }

  async #live(key: string, now: number): Promise<AttemptRecord | null> {
    const record = await this.#store.get(key);
    if (!record) return null;
    if (record.lockedUntil <= now && now - record.lastFailureAt > this.#options.windowMs) {
      await this.#store.delete(key);
      return null;
    }
    return record;
  }

  async #fail(key: string, limits: ThrottleLimits, now: number): Promise<void> {
    const previous = await this.#live(key, now);
    // A lock that ran out starts a fresh count, so the next failure does not re-lock at once.
    const failures = previous && previous.lockedUntil <= now && previous.lockedUntil !== 0 ? 1 : (previous?.failures ?? 0) + 1;
    const stillLocked = previous && previous.lockedUntil > now ? previous.lockedUntil : 0;
    const lockedUntil = failures >= limits.lockAfter ? now + limits.lockMs : stillLocked;
    await this.#store.put(key, { failures, lastFailureAt: now, lockedUntil });
  }

  #delayFor(failures: number, limits: ThrottleLimits): number {
    const over = failures - limits.freeFailures;
    if (over <= 0) return 0;
    return Math.min(this.#options.baseDelayMs * 2 ** (over - 1), this.#options.maxDelayMs);
  }
}

function accountKey(username: string): string {
  return `account:${username.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `address:${address}`;
}

/** A LoginAttemptStore in a Map: for tests, or a server that accepts losing counts on restart. */
export class MemoryLoginAttemptStore implements LoginAttemptStore {
  readonly #records = new Map<string, AttemptRecord>();
  async get(key: string): Promise<AttemptRecord | null> {
    return this.#records.get(key) ?? null;
  }
  async put(key: string, record: AttemptRecord): Promise<void> {
    this.#records.set(key, { ...record });
  }
  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }
}
