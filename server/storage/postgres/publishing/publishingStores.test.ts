import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { publicationStoreContract, testPublication } from '../../publicationStoreContract.ts';
import { scheduleStoreContract } from '../../scheduleStoreContract.ts';
import { slugStoreContract } from '../../slugStoreContract.ts';
import { webhookDeliveryStoreContract } from '../../webhookDeliveryStoreContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresPublicationStore } from './PostgresPublicationStore.ts';
import { PostgresScheduleStore } from './PostgresScheduleStore.ts';
import { PostgresSlugStore } from './PostgresSlugStore.ts';
import { PostgresWebhookDeliveryStore } from './PostgresWebhookDeliveryStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

/** A unit of work on a fresh schema; publishing rows name stories without referencing them. */
async function postgresHarness<S>(createStore: (unit: PostgresUnitOfWork) => S) {
  const { pool, end } = await freshSchemaPool(database.url);
  const unit = new PostgresUnitOfWork(pool);
  return {
    unit,
    store: createStore(unit),
    ensureArticle: () => undefined,
    transact: <T>(fn: () => Promise<T>) => unit.transact(fn),
    close: end,
  };
}

publicationStoreContract('PostgreSQL', async () => {
  const { unit, ...harness } = await postgresHarness((unit) => new PostgresPublicationStore(unit));
  return {
    ...harness,
    updateEveryPublication: () => unit.pool.query("UPDATE publications SET html = 'x'"),
    deleteEveryPublication: () => unit.pool.query('DELETE FROM publications'),
  };
});

slugStoreContract('PostgreSQL', () => postgresHarness((unit) => new PostgresSlugStore(unit)));

scheduleStoreContract('PostgreSQL', () => postgresHarness((unit) => new PostgresScheduleStore(unit)));

webhookDeliveryStoreContract('PostgreSQL', async () => {
  const { unit, ...harness } = await postgresHarness((unit) => new PostgresWebhookDeliveryStore(unit));
  return { ...harness, publications: new PostgresPublicationStore(unit) };
});

describe('PostgreSQL publishing schema', () => {
  it('refuses emptying the publications table at once, too', async () => {
    const { unit, store, close } = await postgresHarness((unit) => new PostgresPublicationStore(unit));
    try {
      await store.insert(testPublication('a', 1));
      await expect(unit.pool.query('TRUNCATE publications CASCADE')).rejects.toThrow(/immutable/);
      expect((await store.list('a')).map((p) => p.version)).toEqual([1]);
    } finally {
      await close();
    }
  });
});
