import { afterAll, beforeAll } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { storyEraserContract } from '../../storyEraserContract.ts';
import { PostgresArticleMembers } from '../accounts/PostgresArticleMembers.ts';
import { PostgresAuditLog } from '../accounts/PostgresAuditLog.ts';
import { PostgresUserStore } from '../accounts/PostgresUserStore.ts';
import { PostgresAuthorshipStore } from '../authorship/PostgresAuthorshipStore.ts';
import { PostgresDocStore } from '../PostgresDocStore.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresPublicationStore } from '../publishing/PostgresPublicationStore.ts';
import { PostgresScheduleStore } from '../publishing/PostgresScheduleStore.ts';
import { PostgresSlugStore } from '../publishing/PostgresSlugStore.ts';
import { PostgresArticleStore } from './PostgresArticleStore.ts';
import { PostgresStoryEraser } from './PostgresStoryEraser.ts';
import { PostgresVersionStore } from './PostgresVersionStore.ts';
import { PostgresWordsBackStore } from '../wordsBack/PostgresWordsBackStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

storyEraserContract('PostgreSQL', async () => {
  const { pool, end } = await freshSchemaPool(database.url);
  const unit = new PostgresUnitOfWork(pool);
  return {
    articles: new PostgresArticleStore(unit),
    eraser: new PostgresStoryEraser(unit),
    docs: new PostgresDocStore(pool),
    versions: new PostgresVersionStore(unit),
    members: new PostgresArticleMembers(unit),
    audit: new PostgresAuditLog(unit),
    users: new PostgresUserStore(unit),
    schedule: new PostgresScheduleStore(unit),
    publications: new PostgresPublicationStore(unit),
    slugs: new PostgresSlugStore(unit),
    authorship: new PostgresAuthorshipStore(unit),
    wordsBack: new PostgresWordsBackStore(unit),
    unit,
    close: end,
  };
});
