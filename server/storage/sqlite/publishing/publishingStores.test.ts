import { describe, expect, it } from 'vitest';
import { PublicationExistsError } from '../../PublicationStore.ts';
import { publicationStoreContract, testPublication } from '../../publicationStoreContract.ts';
import { scheduleStoreContract } from '../../scheduleStoreContract.ts';
import { slugStoreContract } from '../../slugStoreContract.ts';
import { webhookDeliveryStoreContract } from '../../webhookDeliveryStoreContract.ts';
import { sqliteUnitOf } from '../SqliteUnitOfWork.ts';
import { SqlitePublicationStore } from './SqlitePublicationStore.ts';
import { SqliteScheduleStore } from './SqliteScheduleStore.ts';
import { SqliteSlugStore } from './SqliteSlugStore.ts';
import { SqliteWebhookDeliveryStore } from './SqliteWebhookDeliveryStore.ts';
import { insertTestArticle, openPublishingTestDatabase } from './testDatabase.ts';

/** A temporary publishing database; story rows are real, since publishing rows reference them. */
function sqliteHarness<S>(createStore: (t: ReturnType<typeof openPublishingTestDatabase>) => S) {
  const t = openPublishingTestDatabase();
  return {
    t,
    store: createStore(t),
    ensureArticle: (id: string) => insertTestArticle(t.db, id),
    transact: <T>(fn: () => Promise<T>) => sqliteUnitOf(t.db).transact(fn),
    close: t.close,
  };
}

publicationStoreContract('SQLite', () => {
  const { t, ...harness } = sqliteHarness((t) => new SqlitePublicationStore(t.db));
  return {
    ...harness,
    updateEveryPublication: async () => t.db.prepare("UPDATE publications SET html = 'x'").run(),
    deleteEveryPublication: async () => t.db.prepare('DELETE FROM publications').run(),
  };
});

slugStoreContract('SQLite', () => sqliteHarness((t) => new SqliteSlugStore(t.db)));

scheduleStoreContract('SQLite', () => sqliteHarness((t) => new SqliteScheduleStore(t.db)));

webhookDeliveryStoreContract('SQLite', () => {
  const { t, ...harness } = sqliteHarness((t) => new SqliteWebhookDeliveryStore(t.db));
  return { ...harness, publications: new SqlitePublicationStore(t.db) };
});

describe('SqlitePublicationStore', () => {
  it('refuses a duplicate version through the UNIQUE constraint, kept as the cause', async () => {
    const { t, store, ensureArticle, close } = sqliteHarness((t) => new SqlitePublicationStore(t.db));
    try {
      ensureArticle('a');
      await store.insert(testPublication('a', 1));
      const refusal = await store.insert(testPublication('a', 1)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(PublicationExistsError);
      expect(((refusal as Error).cause as Error).message).toMatch(/UNIQUE/);
      expect(t.db.prepare('SELECT count(*) AS n FROM publications').get()).toEqual({ n: 1 });
    } finally {
      close();
    }
  });
});
