import type pg from 'pg';
import { checkOut } from './checkOut.ts';

/**
 * Runs `fn` on one pooled client between `begin` (e.g. 'BEGIN ISOLATION LEVEL REPEATABLE READ')
 * and COMMIT, ROLLBACK on a throw. A client that could not even roll back, or whose connection
 * was lost meanwhile, is discarded, never handed to the next caller (`checkOut`).
 */
export async function inTransaction<T>(pool: pg.Pool, begin: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkOut(pool);
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    release(broken);
  }
}
