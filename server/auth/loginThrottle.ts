import { createHash } from 'node:crypto';
import { USERNAME_PATTERN } from '../../shared/accounts.ts';

/** Failure count for one key (`account:…`, `pair:…` or `address:…`). Times are epoch ms. */
export interface AttemptRecord {
  failures: number;
  lastFailureAt: number;
  /** 0 when not locked. */
  lockedUntil: number;
}

/**
 * Where failure counts live, shared by every server on one database. Each verb is one atomic step,
 * so attempts made at the same moment (one burst, or several servers) are each counted.
 */
export interface LoginAttemptStore {
  get(key: string): Promise<AttemptRecord | null>;
  /**
   * Counts one failure for `key` at `now` and answers the record as it is after. The count starts
   * again at 1 (and the lock is cleared) when the key's lock has run out, or when it has no lock
   * and its last failure is more than `windowMs` before `now`. A running lock is kept.
   */
  increment(key: string, now: number, windowMs: number): Promise<AttemptRecord>;
  /** Takes back one failure (never below 0); nothing for an absent key. */
  decrement(key: string): Promise<void>;
  /**
   * Locks `key` until `until` unless it is absent or still locked at `now`; answers whether this
   * call set the lock (of several at once, one does).
   */
  lock(key: string, now: number, until: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Forgets every key whose last failure is before `before` and whose lock has ended by `now`; answers how many. */
  sweep(before: number, now: number): Promise<number>;
}

/** Limits for a kind of key that is only ever slowed down. */
export interface DelayLimits {
  /** Failures answered at full speed. */
  freeFailures: number;
}

/** Limits for a kind of key that is slowed down, then refused for a while. */
export interface LockLimits extends DelayLimits {
  /** Failures after which the next attempt is refused, and the key locked for `lockMs`. */
  lockAfter: number;
  lockMs: number;
}

export interface LoginThrottleOptions {
  /** One account, from anywhere: slowed down, never locked, so nobody can lock a colleague out. */
  account: DelayLimits;
  /** One account from one address: the guessing run itself, slowed, then locked. */
  pair: LockLimits;
  /** One address, across accounts. A newsroom shares one address behind NAT, so these limits are looser. */
  address: LockLimits;
  /** First delay after the free failures; doubles with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key's failures are forgotten after this long without a new one. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: Readonly<LoginThrottleOptions> = Object.freeze({
  account: { freeFailures: 5 },
  pair: { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000 },
  address: { freeFailures: 10, lockAfter: 50, lockMs: 15 * 60_000 },
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  windowMs: 15 * 60_000,
});

/** What is refused: the account from this address, or this address whatever the account. */
export type ThrottleScope = 'pair' | 'address';

/** What to do with a sign-in attempt before checking its password. */
export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | {
      allowed: false;
      retryAfterSeconds: number;
      scope: ThrottleScope;
      /** This attempt started the lock (the caller records that once, not every refusal). */
      lockedNow: boolean;
      lockedUntil: number;
    };

// Forgotten keys are deleted at most this often, by whichever attempt comes first after it.
const SWEEP_EVERY_MS = 60_000;

/**
 * Slows repeated failed sign-ins per account and per (account, address) pair, and refuses them
 * only per pair and per address: an attacker anywhere can slow an account down, never lock its
 * owner out. Call `attempt` before verifying a password (wait `delayMs`, or answer 429 with
 * Retry-After): it counts the attempt as a failure at once, so a burst of simultaneous guesses is
 * counted one by one. Call `succeeded` when the password was right. Unknown usernames count like
 * known ones, so the throttle does not reveal which exist.
 */
export class LoginThrottle {
  readonly #store: LoginAttemptStore;
  readonly #options: LoginThrottleOptions;
  readonly #now: () => number;
  #nextSweep = 0;

  constructor(store: LoginAttemptStore, options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE, now: () => number = Date.now) {
    this.#store = store;
    this.#options = options;
    this.#now = now;
  }

  async attempt(username: string, address: string): Promise<ThrottleDecision> {
    const now = this.#now();
    await this.#sweep(now);
    const { windowMs } = this.#options;
    const keys = keysOf(username, address);
    const pair = await this.#store.increment(keys.pair, now, windowMs);
    const addr = await this.#store.increment(keys.address, now, windowMs);
    const refusal = (await this.#refusal('address', keys.address, addr, now)) ?? (await this.#refusal('pair', keys.pair, pair, now));
    if (refusal) return refusal;
    const account = await this.#store.increment(keys.account, now, windowMs);
    // The failures before this attempt decide its delay.
    const delayMs = Math.max(
      this.#delayFor(account.failures - 1, this.#options.account),
      this.#delayFor(pair.failures - 1, this.#options.pair),
      this.#delayFor(addr.failures - 1, this.#options.address),
    );
    return { allowed: true, delayMs };
  }

  /**
   * The attempt was right: forgets the pair and takes this attempt back from the account and the
   * address. Their earlier failures stay, or one valid account would launder a guessing run.
   */
  async succeeded(username: string, address: string): Promise<void> {
    const keys = keysOf(username, address);
    await this.#store.delete(keys.pair);
    await this.#store.decrement(keys.account);
    await this.#store.decrement(keys.address);
  }

  async #refusal(scope: ThrottleScope, key: string, record: AttemptRecord, now: number): Promise<ThrottleDecision | null> {
    const limits = this.#options[scope];
    let lockedUntil = record.lockedUntil;
    let lockedNow = false;
    if (lockedUntil <= now) {
      if (record.failures <= limits.lockAfter) return null;
      lockedNow = await this.#store.lock(key, now, now + limits.lockMs);
      // Another attempt locked it first: its lock is the one in force.
      lockedUntil = lockedNow ? now + limits.lockMs : ((await this.#store.get(key))?.lockedUntil ?? now + limits.lockMs);
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)), scope, lockedNow, lockedUntil };
  }

  #delayFor(failures: number, limits: DelayLimits): number {
    const over = failures - limits.freeFailures;
    if (over <= 0) return 0;
    return Math.min(this.#options.baseDelayMs * 2 ** (over - 1), this.#options.maxDelayMs);
  }

  async #sweep(now: number): Promise<void> {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + SWEEP_EVERY_MS;
    await this.#store.sweep(now - this.#options.windowMs, now);
  }
}

/** The three keys of one attempt. Exported for tests. */
export function keysOf(username: string, address: string): { account: string; pair: string; address: string } {
  const name = accountName(username);
  return { account: `account:${name}`, pair: `pair:${name} ${address}`, address: `address:${address}` };
}

// A name no account can have (anything typed, up to a NUL) is kept as a digest: never stored as typed.
function accountName(username: string): string {
  const name = username.trim().toLowerCase();
  return USERNAME_PATTERN.test(name) ? name : `#${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;
}
