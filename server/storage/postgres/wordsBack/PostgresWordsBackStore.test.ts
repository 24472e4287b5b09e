import { afterAll, beforeAll } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { wordsBackStoreContract } from '../../wordsBackStoreContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresWordsBackStore } from './PostgresWordsBackStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

wordsBackStoreContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  return { store: new PostgresWordsBackStore(new PostgresUnitOfWork(pool)), close: end };
});
