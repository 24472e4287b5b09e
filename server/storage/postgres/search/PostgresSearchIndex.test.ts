import { afterAll, beforeAll } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { searchIndexContract } from '../../searchIndexContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresSearchIndex } from './PostgresSearchIndex.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

searchIndexContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  return {
    index: new PostgresSearchIndex(new PostgresUnitOfWork(pool)),
    reopen: () => new PostgresSearchIndex(new PostgresUnitOfWork(pool)),
    close: end,
  };
});
