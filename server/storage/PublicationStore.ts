import type {
  Publication,
  PublicationSummary,
  Schedule,
  SiteState,
  WebhookDelivery,
  WebhookEvent,
  WebhookState,
} from '../../shared/publishing.ts';

// The REST shapes live in shared/publishing.ts, where the client reads them too.
export type { Publication, PublicationSummary, Schedule, SiteState, WebhookDelivery, WebhookEvent, WebhookState };

export type NewPublication = Omit<Publication, 'id'>;

/** Thrown by `PublicationStore.insert` when the story already has a publication of that version. */
export class PublicationExistsError extends Error {
  override name = 'PublicationExistsError';
  readonly id = 'publication_exists';
  constructor(
    readonly articleId: string,
    readonly version: number,
    options?: ErrorOptions,
  ) {
    super(`Story ${articleId} already has publication ${version}.`, options);
  }
}

/** Immutable publications and the site state of each story. Nothing here updates a publication. */
export interface PublicationStore {
  /**
   * Stores a new publication; throws PublicationExistsError when (articleId, version) exists
   * already (of two concurrent inserts of one version, exactly one succeeds). A refused insert
   * leaves the caller's transaction usable.
   */
  insert(publication: NewPublication): Promise<Publication>;
  latest(articleId: string): Promise<Publication | null>;
  get(articleId: string, version: number): Promise<Publication | null>;
  /** A story's publications, newest first. */
  list(articleId: string): Promise<PublicationSummary[]>;
  siteState(articleId: string): Promise<SiteState | null>;
  setSiteState(state: SiteState): Promise<void>;
  /**
   * The latest publication of each live story whose embargo has lifted at `now`, newest first:
   * the front page and the feed.
   */
  visible(now: string, limit: number): Promise<Publication[]>;
}

/** A story's public address. */
export interface SlugRecord {
  articleId: string;
  section: string;
  slug: string;
  /** False for an old address kept so links to it redirect. */
  current: boolean;
}

/** Public addresses: unique per section; a story has one current address and keeps its old ones. */
export interface SlugStore {
  current(articleId: string): Promise<SlugRecord | null>;
  resolve(section: string, slug: string): Promise<SlugRecord | null>;
  /**
   * Makes `section/slug` the story's current address, or the first free `slug-2`, `slug-3`, ...
   * when another story holds it (old addresses included). The previous current address stays,
   * as an old one. Returns the address given. Stories claiming one address at the same time
   * each end up with their own.
   */
  claim(articleId: string, section: string, slug: string, at: string): Promise<SlugRecord>;
}

export interface ScheduleStore {
  get(articleId: string): Promise<Schedule | null>;
  set(schedule: Omit<Schedule, 'lastError'>): Promise<void>;
  /** Clears publishAt (done or failed), recording `error` when it failed. */
  finish(articleId: string, error: string | null, at: string): Promise<void>;
  /** Schedules whose publishAt is at or before `now`, oldest first. */
  due(now: string): Promise<Schedule[]>;
  /** The earliest publishAt still waiting, or null. */
  nextPublishAt(): Promise<string | null>;
}

export interface WebhookDeliveryStore {
  enqueue(delivery: Pick<WebhookDelivery, 'articleId' | 'publicationId' | 'event' | 'payload' | 'createdAt'>): Promise<WebhookDelivery>;
  get(id: number): Promise<WebhookDelivery | null>;
  /** Pending deliveries due at `now`, oldest first. */
  due(now: string, limit: number): Promise<WebhookDelivery[]>;
  /** The earliest next attempt of a pending delivery, or null. */
  nextAttemptAt(): Promise<string | null>;
  markDelivered(id: number, status: number, at: string): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` null gives up (state failed). */
  markFailed(id: number, result: { status: number | null; error: string; nextAttemptAt: string | null }): Promise<void>;
  /** A story's deliveries, newest first. */
  forArticle(articleId: string): Promise<WebhookDelivery[]>;
}
