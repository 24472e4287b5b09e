/**
 * Counts the collaboration sockets open from each client address and refuses one more beyond
 * `limit`. Addresses come from clientAddress(), so a trusted proxy's clients count one by one.
 * Holds an entry only while an address has sockets open.
 */
export class SocketsPerAddress {
  readonly #open = new Map<string, number>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The per-address socket limit must be a positive integer, got ${limit}`);
  }

  /**
   * Counts one more socket from `address`, or returns null when that address is at the limit.
   * The returned release uncounts it; calling it again does nothing.
   */
  tryAdd(address: string): (() => void) | null {
    const count = this.#open.get(address) ?? 0;
    if (count >= this.limit) return null;
    this.#open.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(address) ?? 1) - 1;
      if (left > 0) this.#open.set(address, left);
      else this.#open.delete(address);
    };
  }

  /** Sockets open from `address` now. */
  count(address: string): number {
    return this.#open.get(address) ?? 0;
  }
}
