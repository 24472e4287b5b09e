import type { PublishProblem } from '../../../shared/publish/checkPublishable.ts';

/** One frozen publication as the lists show it (GET /api/articles/:id/publications). */
export interface PublicationSummary {
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
  firstPublishedAt: string;
  embargoUntil: string | null;
  /** Public correction note of a republication. */
  correction: string | null;
}

/** A publication with its exact page and ninjs (GET /api/articles/:id/publications/:version). */
export interface Publication extends PublicationSummary {
  html: string;
  ninjs: unknown;
}

/** Whether a story is on the public site; absent for a story never published. */
export interface SiteState {
  state: 'live' | 'unpublished';
  changedAt: string;
  changedBy: string;
}

/** A story's publication time and embargo. */
export interface Schedule {
  publishAt: string | null;
  embargoUntil: string | null;
  setBy: string;
  updatedAt: string;
  /** Why the last scheduled publication failed, if it did. */
  lastError: string | null;
}

/** One POST of the ninjs to the site's webhook, retried until it succeeds or gives up. */
export interface WebhookDelivery {
  id: number;
  publicationId: number | null;
  event: 'publish' | 'update' | 'unpublish';
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Everything the publish panel shows about a story. */
export interface PublishingState {
  live: SiteState | null;
  /** The story's public address while it is live, else null. */
  url?: string | null;
  schedule: Schedule | null;
  /** Newest first. */
  publications: PublicationSummary[];
  deliveries: WebhookDelivery[];
}

/** The exact page publishing now would freeze, and what would stop it (GET /api/articles/:id/preview). */
export interface PublicationPreview {
  html: string;
  ninjs: unknown;
  version: number;
  url: { section: string; slug: string };
  problems: PublishProblem[];
}
