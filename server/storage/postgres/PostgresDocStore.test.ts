import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { startTestDatabase, type TestDatabase } from '../../test/support/postgres.ts';
import { docStoreContract } from '../docStoreContract.ts';
import { migrate } from './migrate.ts';
import { PostgresDocStore } from './PostgresDocStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

/** Every pool a test opened, ended after it even when it fails. */
const pools = new Set<pg.Pool>();
afterEach(async () => {
  await Promise.all([...pools].map((pool) => pool.end().catch(() => undefined)));
  pools.clear();
});

/** A pool on a fresh schema of the test database: one pool per "server", one schema per test. */
async function schemaPool(schema = `s_${randomBytes(5).toString('hex')}`): Promise<{ pool: pg.Pool; schema: string }> {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: database.url, options: `-c search_path=${schema}` });
  // An idle connection the server ends (the database dropped after a failed test) must not crash the run.
  pool.on('error', () => undefined);
  pools.add(pool);
  return { pool, schema };
}

function keyUpdate(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

function keysOf(state: Uint8Array | null): string[] {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return [...doc.getMap('m').keys()].sort();
}

docStoreContract('PostgreSQL', async () => {
  const { pool, schema } = await schemaPool();
  await migrate(pool);
  return {
    store: new PostgresDocStore(pool),
    // No articles table yet: any story id may hold state.
    ensureArticle: () => undefined,
    // A real refusal from inside the database, failing the one INSERT statement part-way.
    failAppendsOf: async (id) => {
      await pool.query(`
        CREATE FUNCTION refuse_append() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
      await pool.query(
        `CREATE TRIGGER refuse_append BEFORE INSERT ON doc_updates FOR EACH ROW WHEN (NEW.article_id = '${id}') EXECUTE FUNCTION refuse_append()`,
      );
    },
    close: async () => {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
});

describe('PostgreSQL DocStore', () => {
  it('appends in the order given within one call, and a refused row leaves the log untouched', async () => {
    const { pool } = await schemaPool();
    await migrate(pool);
    const store = new PostgresDocStore(pool);
    const updates = Array.from({ length: 50 }, (_, i) => keyUpdate(`k${i}`));
    await store.appendAll(updates.map((update) => ({ articleId: 'order', update })));
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    const rows = await pool.query<{ data: Buffer }>('SELECT data FROM doc_updates ORDER BY seq');
    expect(rows.rows.map((row) => hex(row.data))).toEqual(updates.map(hex));
    // The second row breaks a constraint: the first one is not kept either.
    await expect(
      store.appendAll([
        { articleId: 'order', update: keyUpdate('dropped') },
        { articleId: null as unknown as string, update: keyUpdate('refused') },
      ]),
    ).rejects.toThrow(/null value/);
    expect((await store.load('order')).logLength).toBe(50);
  });

  it('loses nothing when two servers compact one story at once while a third appends', async () => {
    const { pool: first, schema } = await schemaPool();
    await migrate(first);
    const { pool: second } = await schemaPool(schema);
    const { pool: writerPool } = await schemaPool(schema);
    const a = new PostgresDocStore(first);
    const b = new PostgresDocStore(second);
    const writer = new PostgresDocStore(writerPool);
    const expected: string[] = [];
    let merged = 0;
    for (let round = 0; round < 8; round++) {
      let writing = true;
      const appends = (async () => {
        for (let i = 0; writing || i < 5; i++) {
          const keys = [`r${round}w${i}a`, `r${round}w${i}b`];
          expected.push(...keys);
          await writer.appendAll(keys.map((key) => ({ articleId: 'hot', update: keyUpdate(key) })));
        }
      })();
      try {
        const compactions = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).compact('hot')));
        merged += compactions.reduce((sum, n) => sum + n, 0);
      } finally {
        writing = false;
        await appends;
      }
    }
    const loaded = await a.load('hot');
    expect(keysOf(loaded.state)).toEqual([...expected].sort());
    // Every row was merged by exactly one compaction or is still in the log.
    expect(merged + loaded.logLength).toBe(expected.length);
    expect(merged).toBeGreaterThan(0);
  });

  it('load sees one moment: while another server compacts, no committed row is ever missing', async () => {
    const { pool, schema } = await schemaPool();
    await migrate(pool);
    const store = new PostgresDocStore(pool);
    const other = new PostgresDocStore((await schemaPool(schema)).pool);
    const committed: string[] = [];
    let running = true;
    const background = (async () => {
      for (let i = 0; running; i++) {
        await store.appendAll([{ articleId: 'x', update: keyUpdate(`k${i}`) }]);
        committed.push(`k${i}`);
        await other.compact('x');
      }
    })();
    try {
      let loads = 0;
      for (const until = Date.now() + 1500; Date.now() < until; loads++) {
        const before = [...committed];
        const loaded = keysOf((await store.load('x')).state);
        expect(before.filter((key) => !loaded.includes(key))).toEqual([]);
      }
      expect(loads).toBeGreaterThan(20);
    } finally {
      running = false;
      await background;
    }
  });
});
