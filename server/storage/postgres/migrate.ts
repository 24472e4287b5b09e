import type pg from 'pg';
import { postgresMigrations, type PostgresMigration } from './migrations.ts';
import { checkOut } from './checkOut.ts';

/**
 * Advisory lock key every migration transaction takes first, so servers starting at once apply
 * each migration exactly once ("copydesk" in ASCII, folded into a bigint).
 */
export const MIGRATION_LOCK_KEY = '7165069198847472491';

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/** Thrown when the database holds migrations this server does not know (a newer Copydesk wrote it). */
export class SchemaTooNewError extends Error {
  readonly id = 'schema_too_new';
  constructor(version: number, known: number) {
    super(`The database's schema (migration ${version}) is newer than this server knows (${known}): upgrade Copydesk`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the database's schema up to date and resolves with the versions it applied (empty when
 * there was nothing to do). Each migration runs in its own transaction, which first takes
 * `pg_advisory_xact_lock(MIGRATION_LOCK_KEY)` and then re-reads `schema_migrations`: any number
 * of servers may call this at once, and each migration still runs exactly once.
 */
export async function migrate(pool: pg.Pool, migrations: readonly PostgresMigration[] = postgresMigrations): Promise<number[]> {
  const known = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  const { client, release } = await checkOut(pool);
  let broken: Error | undefined;
  try {
    const applied: number[] = [];
    const done = await inLockedTransaction(client, async () => {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      return new Set(rows.rows.map((row) => row.version));
    });
    const newest = Math.max(0, ...done);
    if (newest > known) throw new SchemaTooNewError(newest, known);
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      const ran = await inLockedTransaction(client, async () => {
        // Another server may have applied it between our read and our lock.
        const again = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (again.rowCount) return false;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        return true;
      });
      if (ran) applied.push(migration.version);
    }
    return applied;
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    release(broken);
  }
}

async function inLockedTransaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
