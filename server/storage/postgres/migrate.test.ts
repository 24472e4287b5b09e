import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestDatabase, type TestDatabase } from '../../test/support/postgres.ts';
import { migrate } from './migrate.ts';
import { postgresMigrations, type PostgresMigration } from './migrations.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

/** Every pool a test opened, ended after it even when it fails. */
const opened: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((pool) => pool.end().catch(() => undefined)));
});

let schemas = 0;
async function schemaPools(count: number): Promise<pg.Pool[]> {
  const schema = `m${++schemas}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return Array.from({ length: count }, () => {
    const pool = new pg.Pool({ connectionString: database.url, options: `-c search_path=${schema}` });
    // An idle connection the server ends (the database dropped after a failed test) must not crash the run.
    pool.on('error', () => undefined);
    opened.push(pool);
    return pool;
  });
}

async function versions(pool: pg.Pool): Promise<number[]> {
  const rows = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.rows.map((row) => row.version);
}

/** The version after every shipped migration, for the test's own. */
const NEXT = Math.max(...postgresMigrations.map((m) => m.version)) + 1;
const SHIPPED = postgresMigrations.map((m) => m.version);

/** A migration that fails if it ever runs twice (its CREATE TABLE has no IF NOT EXISTS). */
const slow: PostgresMigration = { version: NEXT, name: 'slow', sql: 'SELECT pg_sleep(0.2); CREATE TABLE slow_once (id int)' };

describe('PostgreSQL migrations', () => {
  it('creates every table once; running again applies nothing', async () => {
    const [pool] = await schemaPools(1);
    expect(await migrate(pool!)).toEqual(postgresMigrations.map((m) => m.version));
    expect(await migrate(pool!)).toEqual([]);
    expect(await versions(pool!)).toEqual(postgresMigrations.map((m) => m.version));
    const tables = await pool!.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'article_members',
      'article_slugs',
      'article_versions',
      'articles',
      'audit_log',
      'authorship_changes',
      'authorship_writers',
      'doc_snapshots',
      'doc_updates',
      'installation',
      'login_attempts',
      'mfa_recovery_codes',
      'mfa_required_roles',
      'publications',
      'publish_schedule',
      'schema_migrations',
      'search_documents',
      'section_settings',
      'sections',
      'sessions',
      'site_state',
      'user_mfa',
      'users',
      'webhook_deliveries',
      'words_back',
    ]);
    const index = await pool!.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'doc_updates_article_seq' AND schemaname = current_schema()`);
    expect(index.rows[0]?.indexdef).toMatch(/\(article_id, seq\)/);
  });

  it('is safe when several servers start at once: each migration runs exactly once', async () => {
    const pools = await schemaPools(4);
    const list = [...postgresMigrations, slow];
    const results = await Promise.all(pools.map((pool) => migrate(pool, list)));
    expect(results.flat().sort()).toEqual(list.map((m) => m.version).sort());
    expect(await versions(pools[0]!)).toEqual([...SHIPPED, NEXT]);
  });

  it('rolls back a failing migration whole and applies it on the next start', async () => {
    const [pool] = await schemaPools(1);
    const broken: PostgresMigration = { version: NEXT, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function()' };
    await expect(migrate(pool!, [...postgresMigrations, broken])).rejects.toThrow(/no_such_function/);
    expect(await versions(pool!)).toEqual(SHIPPED);
    const half = await pool!.query(`SELECT to_regclass('half_done') AS name`);
    expect(half.rows[0]?.name).toBeNull();
    expect(await migrate(pool!, [...postgresMigrations, slow])).toEqual([NEXT]);
  });

  it('refuses a database from a newer Copydesk', async () => {
    const [pool] = await schemaPools(1);
    await migrate(pool!, [...postgresMigrations, slow]);
    await expect(migrate(pool!)).rejects.toThrow(/newer than this server knows/);
  });
});
