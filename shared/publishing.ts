import type { PublishWarning } from './publish/publishWarnings.ts';
import type { NinjsItem } from './export/toNinjs.ts';
import type { PublishProblem } from './publish/checkPublishable.ts';

/** What went out to the site: frozen at publish time, never changed afterwards. */
export interface Publication {
  id: number;
  articleId: string;
  /** 1 for the first publication, n+1 for each republication. */
  version: number;
  publishedAt: string;
  /** Username of whoever published (or scheduled) it. */
  publishedBy: string;
  /** The public address at the time: `/site/<section>/<slug>`. */
  section: string;
  slug: string;
  headline: string;
  standfirst: string;
  byline: string;
  tags: string[];
  /** When version 1 went out. */
  firstPublishedAt: string;
  /** Nothing of this publication is public before this time. */
  embargoUntil: string | null;
  /** Public correction note of a republication. */
  correction: string | null;
  /** The exact published page. */
  html: string;
  /** The exact ninjs document. */
  ninjs: NinjsItem;
}

/** A publication without its page and ninjs: what lists need (GET /api/articles/:id/publications). */
export type PublicationSummary = Omit<Publication, 'html' | 'ninjs'>;

/** Whether a story is on the public site. A story never published has no site state. */
export interface SiteState {
  articleId: string;
  state: 'live' | 'unpublished';
  changedAt: string;
  changedBy: string;
}

/** When a story goes out by itself, and until when nothing of it may be public. */
export interface Schedule {
  articleId: string;
  publishAt: string | null;
  embargoUntil: string | null;
  setBy: string;
  updatedAt: string;
  /** Why the last scheduled publication failed, if it did. */
  lastError: string | null;
}

export type WebhookEvent = 'publish' | 'update' | 'unpublish';
export type WebhookState = 'pending' | 'delivered' | 'failed';

/** One POST to the site's webhook, retried until it succeeds or gives up. */
export interface WebhookDelivery {
  id: number;
  articleId: string;
  publicationId: number | null;
  event: WebhookEvent;
  /** The exact body sent (and signed). */
  payload: string;
  state: WebhookState;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A webhook delivery as the API lists it: without the body it sends. */
export type WebhookDeliveryView = Omit<WebhookDelivery, 'payload'>;

/** Everything the publish panel shows about a story (GET /api/articles/:id/publications). */
export interface PublishingState {
  live: SiteState | null;
  /** The story's public address while it is live, else null. */
  url: string | null;
  schedule: Schedule | null;
  /** Newest first. */
  publications: PublicationSummary[];
  deliveries: WebhookDeliveryView[];
}

/** The answer to POST /api/articles/:id/publish (201). */
export interface PublishResponse extends PublicationSummary {
  event: WebhookEvent;
  delivery: WebhookDeliveryView | null;
}

/** The exact page publishing now would freeze, and what would stop it (GET /api/articles/:id/preview). */
export interface PublicationPreview {
  html: string;
  ninjs: NinjsItem | null;
  version: number;
  url: { section: string; slug: string };
  problems: PublishProblem[];
  /** What the desk usually wants but publishing does not require (shared/publish/publishWarnings.ts). */
  warnings: PublishWarning[];
}
