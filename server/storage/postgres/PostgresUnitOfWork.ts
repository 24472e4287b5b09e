import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { UnitOfWork } from '../UnitOfWork.ts';
import { inTransaction } from './inTransaction.ts';

/** An open transaction: its pooled client and how many savepoints it has nested. */
interface OpenTransaction {
  client: pg.PoolClient;
  savepoints: number;
  /** Set once it committed or rolled back: its client is back in the pool. */
  ended: boolean;
}

/**
 * Transactions on a PostgreSQL pool, shared by every PostgreSQL store of one server. Stores run
 * every statement through `query`: inside `transact` it goes to that transaction's client (known
 * through an AsyncLocalStorage), outside it to the pool, so a store call joins the transaction its
 * caller is in and no other. A `transact` inside another nests as a savepoint. A client whose
 * rollback failed is discarded, never handed to the next caller.
 */
export class PostgresUnitOfWork implements UnitOfWork {
  readonly pool: pg.Pool;
  readonly #open = new AsyncLocalStorage<OpenTransaction>();

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /**
   * Runs one statement in the caller's transaction, or on the pool outside one. A timer or promise
   * started inside a transaction keeps its context after the transaction ended: its statements go to
   * the pool, never to a client that is already serving someone else.
   */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const open = this.#open.getStore();
    return open && !open.ended ? open.client.query<R>(text, values) : this.pool.query<R>(text, values);
  }

  async transact<T>(fn: () => Promise<T>): Promise<T> {
    const open = this.#open.getStore();
    if (open && !open.ended) return this.#savepoint(open, fn);
    return this.withClient('BEGIN', () => fn());
  }

  /**
   * Runs `fn` on one pooled client between `begin` (e.g. 'BEGIN ISOLATION LEVEL REPEATABLE READ')
   * and COMMIT; store calls `fn` awaits join it. `fn` also gets the client for statements of its own.
   */
  async withClient<T>(begin: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, begin, async (client) => {
      const open: OpenTransaction = { client, savepoints: 0, ended: false };
      try {
        return await this.#open.run(open, () => fn(client));
      } finally {
        open.ended = true;
      }
    });
  }

  async #savepoint<T>(open: OpenTransaction, fn: () => Promise<T>): Promise<T> {
    const name = `nested_${++open.savepoints}`;
    await open.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }
}
