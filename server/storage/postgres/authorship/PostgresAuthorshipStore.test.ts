import { afterAll, beforeAll } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { authorshipStoreContract } from '../../authorshipStoreContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresAuthorshipStore } from './PostgresAuthorshipStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

authorshipStoreContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  return { store: new PostgresAuthorshipStore(new PostgresUnitOfWork(pool)), close: end };
});
