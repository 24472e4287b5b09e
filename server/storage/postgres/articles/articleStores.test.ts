import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import type { ArticleRecord } from '../../ArticleStore.ts';
import { articleStoreContract } from '../../articleStoreContract.ts';
import { versionStoreContract } from '../../versionStoreContract.ts';
import { PostgresDocStore } from '../PostgresDocStore.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresArticleStore } from './PostgresArticleStore.ts';
import { PostgresVersionStore } from './PostgresVersionStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

articleStoreContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  const unit = new PostgresUnitOfWork(pool);
  const docs = new PostgresDocStore(pool);
  return {
    store: new PostgresArticleStore(unit),
    unit,
    loadState: async (id) => (await docs.load(id)).state,
    // A real refusal from inside the database, as a full disk would give.
    failSnapshotsOf: async (id) => {
      await pool.query(`
        CREATE FUNCTION refuse_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
      await pool.query(
        `CREATE TRIGGER refuse_snapshot BEFORE INSERT ON doc_snapshots FOR EACH ROW WHEN (NEW.article_id = '${id}') EXECUTE FUNCTION refuse_snapshot()`,
      );
    },
    close: end,
  };
});

versionStoreContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  return {
    store: new PostgresVersionStore(new PostgresUnitOfWork(pool)),
    ensureArticle: async (id) => {
      await pool.query(`INSERT INTO articles (id, headline, created_at, updated_at) VALUES ($1, $2, now(), now())`, [id, `Story ${id}`]);
    },
    changeStoredVersions: async () => {
      await pool.query(`UPDATE article_versions SET name = 'x'`);
    },
    close: end,
  };
});

describe('PostgreSQL story stores', () => {
  it('numbers one story from several servers at once without a gap or a repeat', async () => {
    const { pool, end } = await freshSchemaPool(database.url);
    try {
      await pool.query(`INSERT INTO articles (id, headline, created_at, updated_at) VALUES ('hot', 'Hot', now(), now())`);
      const servers = Array.from({ length: 4 }, () => new PostgresVersionStore(new PostgresUnitOfWork(pool)));
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      const doc = { meta: { byline: '', slug: 'hot', section: '', tags: [] }, doc: { type: 'doc' } };
      const inserted = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          servers[i % servers.length]!.insert({
            articleId: 'hot',
            kind: 'auto',
            name: null,
            createdAt: new Date().toISOString(),
            createdBy: null,
            editors: [],
            wordCount: i,
            state,
            doc,
          }),
        ),
      );
      expect(inserted.map((v) => v.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await end();
    }
  });

  it('a version joins the transaction its caller is in', async () => {
    const { pool, end } = await freshSchemaPool(database.url);
    try {
      const unit = new PostgresUnitOfWork(pool);
      const articles = new PostgresArticleStore(unit);
      const versions = new PostgresVersionStore(unit);
      const at = '2024-05-01T08:00:00.000Z';
      const record: ArticleRecord = { id: 's', headline: 'S', status: 'draft', byline: '', slug: 's', section: '', tags: [], wordCount: 0, createdAt: at, updatedAt: at };
      const refused = new Error('refused');
      await expect(
        unit.transact(async () => {
          await articles.create(record, Y.encodeStateAsUpdate(new Y.Doc()));
          await versions.insert({
            articleId: 's',
            kind: 'transition',
            name: 'Draft → In review',
            createdAt: at,
            createdBy: 'ed',
            editors: ['ana'],
            wordCount: 0,
            state: new Uint8Array([0, 0]),
            doc: { meta: { byline: '', slug: 's', section: '', tags: [] }, doc: { type: 'doc' } },
          });
          expect(await versions.latestFor('s')).not.toBeNull();
          throw refused;
        }),
      ).rejects.toBe(refused);
      expect(await articles.get('s')).toBeNull();
      expect(await versions.list('s')).toEqual([]);
    } finally {
      await end();
    }
  });
});
