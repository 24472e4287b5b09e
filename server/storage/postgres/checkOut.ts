import type pg from 'pg';

/** A client checked out of a pool, and how to give it back. */
export interface CheckedOut {
  client: pg.PoolClient;
  /** Returns the client: discarded when `error` is given or its connection was lost meanwhile. */
  release(error?: Error): void;
}

/**
 * Checks a client out of `pool` so that losing its connection cannot end the process. While a
 * client is checked out, pg-pool no longer listens for its 'error' event, and a connection that
 * dies then (the database restarted, the backend terminated) emits one: with no listener, an
 * uncaught exception. Here the error is kept instead, the statement under way fails on its own,
 * and the client is discarded when released.
 */
export async function checkOut(pool: pg.Pool): Promise<CheckedOut> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error): void => {
    lost ??= error;
  };
  client.on('error', onError);
  return {
    client,
    release: (error) => {
      client.release(error ?? lost);
      client.off('error', onError);
    },
  };
}
