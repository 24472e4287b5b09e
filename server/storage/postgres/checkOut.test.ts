import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestDatabase, type TestDatabase } from '../../test/support/postgres.ts';
import { inTransaction } from './inTransaction.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
}, 60_000);
afterAll(() => database?.close());

describe('a checked-out PostgreSQL client whose connection dies', () => {
  it('fails the transaction under way without ending the process, and the pool serves the next one', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    pool.on('error', () => undefined);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      uncaught.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const transaction = inTransaction(pool, 'BEGIN', async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // The database ends this connection while the transaction holds it (a restart, an administrator).
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return client.query('SELECT 1');
      });
      await expect(transaction).rejects.toThrow();
      // Give a late 'error' event its turn to surface.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(uncaught).toEqual([]);
      // The lost client was discarded: the next transaction gets a working one.
      expect(await inTransaction(pool, 'BEGIN', async (client) => (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one)).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await pool.end();
    }
  });
});
