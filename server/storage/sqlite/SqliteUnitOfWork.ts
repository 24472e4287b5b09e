import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { DocStore } from '../DocStore.ts';
import { TransactionSpannedTurnError, type UnitOfWork } from '../UnitOfWork.ts';

/** An open transaction; compared by identity to tell its own store calls from everyone else's. */
interface OpenTransaction {
  savepoints: number;
}

const units = new WeakMap<Database.Database, SqliteUnitOfWork>();

/** The one SqliteUnitOfWork of a connection: every SQLite store on `db` shares it. */
export function sqliteUnitOf(db: Database.Database): SqliteUnitOfWork {
  let unit = units.get(db);
  if (!unit) {
    unit = new SqliteUnitOfWork(db);
    units.set(db, unit);
  }
  return unit;
}

/**
 * Transactions on SQLite's one synchronous connection: BEGIN IMMEDIATE, `await fn()`, COMMIT
 * (ROLLBACK on a throw). Every SQLite store method runs its statements through `run`, which
 * executes them at once when no transaction is open or when the caller is inside the open one
 * (known through an AsyncLocalStorage, switched on only while a transaction is open, so the
 * keystroke path pays nothing for it), and otherwise after the transaction ends. So nothing from
 * outside silently joins a transaction, and since each store call resolves in a microtask, a
 * transaction that awaits only store calls ends within the event-loop turn it began in; one that
 * does not is rolled back with TransactionSpannedTurnError. The collaboration commit queue
 * commits from a later turn (setImmediate), so it never meets an open transaction; `guard` makes
 * that a guarantee for a DocStore on the same connection.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  readonly #db: Database.Database;
  readonly #owner = new AsyncLocalStorage<OpenTransaction>();
  #open: OpenTransaction | null = null;
  #waiters: Array<() => void> = [];

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Whether a transaction is open on the connection (for tests and diagnostics). */
  get inTransaction(): boolean {
    return this.#open !== null;
  }

  /**
   * Runs `statements` now, or once the open transaction ends when the caller is not inside it.
   * A throw becomes a rejection. SQLite store methods wrap their statements in it.
   */
  run<T>(statements: () => T | Promise<T>): Promise<T> {
    if (this.#open !== null && this.#owner.getStore() !== this.#open) return this.#idle().then(() => this.run(statements));
    try {
      return Promise.resolve(statements());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async transact<T>(fn: () => Promise<T>): Promise<T> {
    const open = this.#open;
    if (open !== null && this.#owner.getStore() === open) return this.#savepoint(open, fn);
    while (this.#open !== null) await this.#idle();

    const transaction: OpenTransaction = { savepoints: 0 };
    this.#open = transaction;
    let spanned = false;
    const turn = setImmediate(() => {
      spanned = true;
    });
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      const result = await this.#owner.run(transaction, fn);
      if (spanned) throw new TransactionSpannedTurnError();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      clearImmediate(turn);
      this.#open = null;
      // Off again until the next transaction: outside one, every store call is free to run.
      this.#owner.disable();
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /**
   * `store` whose calls wait for an open transaction instead of joining it (SqliteDocStore uses
   * better-sqlite3's own transactions, which would otherwise nest inside as a savepoint). When no
   * transaction is open a call goes straight through: the keystroke path pays one comparison.
   */
  guard(store: DocStore): DocStore {
    return {
      load: (articleId) => this.run(() => store.load(articleId)),
      appendAll: (updates) => (this.#open === null ? store.appendAll(updates) : this.run(() => store.appendAll(updates))),
      compact: (articleId) => this.run(() => store.compact(articleId)),
      // In order with the calls before it: a compaction queued behind a transaction still finds what the store kept.
      release: (articleId) => void this.run(() => store.release?.(articleId)),
    };
  }

  async #savepoint<T>(open: OpenTransaction, fn: () => Promise<T>): Promise<T> {
    const name = `nested_${++open.savepoints}`;
    this.#db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      this.#db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.#db.exec(`ROLLBACK TO ${name}`);
      this.#db.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
