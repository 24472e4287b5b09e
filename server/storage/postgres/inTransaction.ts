import type pg from 'pg';

/**
 * Runs `fn` on one pooled client between `begin` (e.g. 'BEGIN ISOLATION LEVEL REPEATABLE READ')
 * and COMMIT, ROLLBACK on a throw. A client that could not even roll back is discarded, never
 * handed to the next caller.
 */
export async function inTransaction<T>(pool: pg.Pool, begin: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
    client.release(broken);
  }
}
