/**
 * What one account's sockets may be sent in answers it asked for (sync step 2 replies to its sync
 * step 1 messages, awareness it queried), in bytes: a token bucket `burstBytes` deep that refills at
 * `bytesPerSecond`. Encoding an answer costs the server CPU in proportion to its bytes (tens of
 * milliseconds for a megabyte), and a sync step 1 with an empty state vector asks for the whole
 * story: without a bound, one signed-in script asking again and again, or reconnecting again and
 * again, would keep the server too busy to relay anybody's keystrokes. A browser asks for a story
 * once when it opens it and then for a few bytes a few times a second, far below the bound.
 *
 * An answer may be sent while the bucket holds any bytes; its size is taken afterwards (the bucket
 * may go below zero, and the next answer waits until it is above again), so an answer larger than
 * the burst is never refused, only followed by a wait. One per account per server, shared by all
 * its sockets, and kept when they close: reconnecting does not refill it.
 */
export class AnswerBudget {
  readonly bytesPerSecond: number;
  readonly burstBytes: number;
  #bytes: number;
  #at: number;

  constructor(bytesPerSecond: number, burstBytes: number, now = performance.now()) {
    if (!(bytesPerSecond > 0) || !(burstBytes > 0)) throw new RangeError('an answer budget needs a positive rate and burst');
    this.bytesPerSecond = bytesPerSecond;
    this.burstBytes = burstBytes;
    this.#bytes = burstBytes;
    this.#at = now;
  }

  /** How long (ms) until an answer may be sent; 0: now. */
  waitMs(now = performance.now()): number {
    this.#refill(now);
    return this.#bytes > 0 ? 0 : Math.ceil(((1 - this.#bytes) * 1000) / this.bytesPerSecond);
  }

  /** Takes the bytes of an answer that was sent. */
  spend(bytes: number, now = performance.now()): void {
    this.#refill(now);
    this.#bytes -= bytes;
  }

  /** Bytes that may be sent now (negative: owed). */
  available(now = performance.now()): number {
    this.#refill(now);
    return this.#bytes;
  }

  #refill(now: number): void {
    if (now <= this.#at) return;
    this.#bytes = Math.min(this.burstBytes, this.#bytes + ((now - this.#at) * this.bytesPerSecond) / 1000);
    this.#at = now;
  }
}
