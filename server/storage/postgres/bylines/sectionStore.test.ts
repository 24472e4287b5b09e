import { afterAll, beforeAll } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { sectionStoreContract } from '../../sectionStoreContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresSectionStore } from './PostgresSectionStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

sectionStoreContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  return { store: new PostgresSectionStore(new PostgresUnitOfWork(pool)), close: end };
});
