/**
 * One database's transactions: the seam every storage engine fills (SQLite's single connection,
 * PostgreSQL's pooled client between BEGIN and COMMIT).
 *
 * The rule for `fn`: it awaits store calls only — no timers, no network, no hashing, no story
 * loads through the registry. Do that work before the transaction and pass the results in.
 * SQLite holds its one connection for the whole of `fn`, and a transaction that outlives the
 * event-loop turn it began in is rolled back (TransactionSpannedTurnError), so a slip shows up in
 * the first test that takes that path instead of stalling the collaboration commit queue.
 */
export interface UnitOfWork {
  /**
   * Runs `fn` in one transaction: every store call `fn` awaits joins it, and all of them land or
   * none does (a throw rolls back and rejects with the same error). Store calls from outside `fn`
   * never join it: they wait until it ends. A `transact` inside `fn` joins as a nested savepoint.
   */
  transact<T>(fn: () => Promise<T>): Promise<T>;
}

/** A transaction awaited something other than its store calls and outlived its event-loop turn; it was rolled back. */
export class TransactionSpannedTurnError extends Error {
  override name = 'TransactionSpannedTurnError';
  readonly id = 'transaction_spanned_turn';
  constructor() {
    super('A transaction awaited something other than a store call and was rolled back: do that work before the transaction.');
  }
}
