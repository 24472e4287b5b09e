import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import type { ArticleStatus } from '../../shared/api.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { sqliteUnitOf } from '../storage/sqlite/SqliteUnitOfWork.ts';
import { SqlitePublicationStore } from '../storage/sqlite/publishing/SqlitePublicationStore.ts';
import { SqliteScheduleStore } from '../storage/sqlite/publishing/SqliteScheduleStore.ts';
import { SqliteSlugStore } from '../storage/sqlite/publishing/SqliteSlugStore.ts';
import { SqliteWebhookDeliveryStore } from '../storage/sqlite/publishing/SqliteWebhookDeliveryStore.ts';
import { insertTestArticle, openPublishingTestDatabase } from '../storage/sqlite/publishing/testDatabase.ts';
import { ManualClock } from './ManualClock.ts';
import type { PublishDeps } from './PublishDeps.ts';

/** A newsroom for publishing tests: real stores on a temporary database, a manual clock, stories held as JSON. */
export interface TestNewsroom {
  deps: PublishDeps;
  clock: ManualClock;
  db: ReturnType<typeof openPublishingTestDatabase>['db'];
  dir: string;
  articles: SqliteArticleStore;
  webhooks: SqliteWebhookDeliveryStore;
  /** Current content of each story, as the editor left it; tests change it freely. */
  content: Map<string, ArticleJson>;
  /** Adds a story row with `status` and `content` (the fixture story by default). */
  addStory(id: string, status?: ArticleStatus, content?: ArticleJson): ArticleJson;
  close(): void;
}

/** The fixture story with one change applied. */
export function fixtureWith(change: (article: ArticleJson) => void): ArticleJson {
  const article = fixtureArticleJson();
  change(article);
  return article;
}

export function openTestNewsroom(options: { start?: string; webhooks?: boolean; existing?: { dir: string } } = {}): TestNewsroom {
  const t = openPublishingTestDatabase();
  const clock = new ManualClock(options.start ?? '2024-05-01T09:00:00.000Z');
  const articles = new SqliteArticleStore(t.db);
  const webhooks = new SqliteWebhookDeliveryStore(t.db);
  const content = new Map<string, ArticleJson>();
  const deps: PublishDeps = {
    publications: new SqlitePublicationStore(t.db),
    slugs: new SqliteSlugStore(t.db),
    schedule: new SqliteScheduleStore(t.db),
    webhooks: options.webhooks === false ? null : webhooks,
    transaction: (fn) => sqliteUnitOf(t.db).transact(fn),
    clock,
    site: { baseUrl: 'https://news.example.com', siteName: 'The Example News' },
    loadStory: async (id) => {
      const record = await articles.get(id);
      const article = content.get(id);
      return record && article ? { record, article } : null;
    },
    setStatus: async (id, status, at) => {
      await articles.setStatus(id, status, at);
    },
  };
  return {
    deps,
    clock,
    db: t.db,
    dir: t.dir,
    articles,
    webhooks,
    content,
    addStory(id, status = 'approved', article = fixtureArticleJson()) {
      insertTestArticle(t.db, id, status);
      content.set(id, article);
      return article;
    },
    close: t.close,
  };
}
