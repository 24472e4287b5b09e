/**
 * A token bucket: `burst` tokens deep, refilled at `perSecond`. Bounds what one socket or account
 * may do per second: awareness updates (AwarenessGuard), bytes of answers it asked for (sync step 2
 * replies, queried awareness: see `answerBudget` in Connection). Time is whatever clock the caller
 * passes (ms), starting with the first call; tokens taken with `spend` may go below zero, and are
 * owed until the rate pays them back.
 */
export class TokenBucket {
  readonly perSecond: number;
  readonly burst: number;
  #tokens: number;
  #at: number | null = null;

  constructor(perSecond: number, burst: number) {
    if (!(perSecond > 0) || !(burst > 0)) throw new RangeError('a token bucket needs a positive rate and burst');
    this.perSecond = perSecond;
    this.burst = burst;
    this.#tokens = burst;
  }

  /** Tokens held at `now` (negative: owed). */
  available(now: number): number {
    if (this.#at !== null && now > this.#at) this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) * this.perSecond) / 1000);
    if (this.#at === null || now > this.#at) this.#at = now;
    return this.#tokens;
  }

  /** How long (ms) until the bucket holds `tokens`; 0: it does now. */
  msUntil(tokens: number, now: number): number {
    const held = this.available(now);
    return held >= tokens ? 0 : Math.max(1, Math.ceil(((tokens - held) * 1000) / this.perSecond));
  }

  /** Takes `tokens` if the bucket holds them. */
  tryTake(tokens: number, now: number): boolean {
    if (this.available(now) < tokens) return false;
    this.#tokens -= tokens;
    return true;
  }

  /** Takes `tokens` whatever the bucket holds (what was done is paid for afterwards). */
  spend(tokens: number, now: number): void {
    this.available(now);
    this.#tokens -= tokens;
  }
}
