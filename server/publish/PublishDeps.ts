import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import type { ArticleStatus } from '../../shared/api.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';
import type { PublicationStore, ScheduleStore, SlugStore, WebhookDeliveryStore } from '../storage/PublicationStore.ts';
import type { UnitOfWork } from '../storage/UnitOfWork.ts';
import type { Clock } from './Clock.ts';
import type { SiteAddress } from './siteAddress.ts';

/** What the publishing commands need; server/index.ts builds it once. */
export interface PublishDeps {
  publications: PublicationStore;
  slugs: SlugStore;
  schedule: ScheduleStore;
  /** The webhook queue, or null when no PUBLISH_WEBHOOK_URL is set (nothing is queued then). */
  webhooks: WebhookDeliveryStore | null;
  /** Runs `fn` in one database transaction; `fn` awaits store calls only (UnitOfWork's rule). */
  transaction: UnitOfWork['transact'];
  clock: Clock;
  site: SiteAddress;
  /** The story's row and current content, or null when there is no such story. */
  loadStory(articleId: string): Promise<{ record: ArticleRecord; article: ArticleJson } | null>;
  /** Moves the story's workflow status (ArticleStore.setStatus). */
  setStatus(articleId: string, status: ArticleStatus, at: string): Promise<void>;
  /** Suggestions awaiting a decision (review issue); none when absent. */
  pendingSuggestions?(articleId: string): Promise<number>;
  /** A story's headline, to name a linked story in a refusal (none: named by its link). */
  headlineOf?(articleId: string): Promise<string | null>;
  /** Called after a delivery was queued, so the webhook worker starts at once. */
  onDeliveryQueued?(): void;
}
