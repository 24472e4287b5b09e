import { countPendingSuggestions, withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import type { ArticleStatus } from '../../shared/api.ts';
import { cleanArticle } from '../../shared/text/cleanArticle.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { withResolvedAuthors } from '../bylines/withResolvedAuthors.ts';
import type { AccessNoticeBus } from '../auth/AccessNotice.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import { readStory } from '../commands/readStory.ts';
import { reviewStoryAccess } from '../commands/reviewStoryAccess.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { DocStore } from '../storage/DocStore.ts';
import type { WebhookDeliveryStore } from '../storage/PublicationStore.ts';
import type { Storage } from '../storage/Storage.ts';
import { systemClock, systemTimers, type Clock, type Timers } from './Clock.ts';
import { publishArticle, type PublishRequest, type PublishResult } from './publishArticle.ts';
import type { PublishDeps } from './PublishDeps.ts';
import { Scheduler } from './Scheduler.ts';
import type { SiteAddress } from './siteAddress.ts';
import { WebhookDeliverer, type RetryPolicy } from './WebhookDelivery.ts';

/** A story that was just published, as listeners of `Publishing.onPublished` receive it. */
export interface PublishedEvent {
  articleId: string;
  by: string;
  /** The workflow status before: `approved` for a first publication, `published` for a republication. */
  from: ArticleStatus;
  result: Extract<PublishResult, { ok: true }>;
}

/** Publishing as the running server holds it: the commands' deps, the scheduler and the webhook worker. */
export interface Publishing {
  deps: PublishDeps;
  scheduler: Scheduler;
  /** The webhook queue (delivery state for editors); empty when no webhook is set. */
  webhooks: WebhookDeliveryStore;
  deliverer: WebhookDeliverer | null;
  clock: Clock;
  site: SiteAddress;
  /**
   * `publishArticle`, then the audit entry, the review of open sockets (a published story is
   * read-only for reporters) and the `onPublished` listeners. Routes, the workflow's `published`
   * transition and the scheduler all publish through here.
   */
  publish(request: PublishRequest & { note?: string | null }): Promise<PublishResult>;
  /** Calls `listener` after every successful publication (e.g. to keep a version). */
  onPublished(listener: (event: PublishedEvent) => void): void;
  /** Called once the server listens: the site's base URL when PUBLIC_SITE_URL is not set. */
  setOwnAddress(baseUrl: string): void;
  /** Starts the scheduler (publishing whatever fell due while the server was down) and resumes deliveries. */
  start(): void;
  /** Stops both; waits for a delivery in flight. Call before closing the database. */
  stop(): Promise<void>;
}

/** What `openPublishing` builds on. */
export interface PublishingInput {
  storage: Storage;
  config: Pick<Config, 'publicSiteUrl' | 'siteName' | 'publishWebhookUrl' | 'publishWebhookSecret'>;
  articleStore: ArticleStore;
  docStore: DocStore;
  registry: DocumentRegistry;
  accounts: Accounts;
  storySockets: StorySockets;
  log: Logger;
  /** Where publishing reads the time; tests pass a ManualClock (also as `timers`). */
  clock?: Clock;
  timers?: Timers;
  /** Webhook retry policy; the default backs off from 5 s to 1 h over 12 attempts. */
  webhookRetry?: RetryPolicy;
  /** Tells the other servers when a story's access changed (none: one server). */
  notices?: AccessNoticeBus | null;
  /** With several servers: how often the one running the workers looks for work queued through the others. */
  workerPollMs?: number;
}

/** Builds the publishing stores, commands' deps, scheduler and webhook worker on the server's database. */
export function openPublishing(input: PublishingInput): Publishing {
  const { storage, config, articleStore, accounts, log } = input;
  const clock = input.clock ?? systemClock;
  const timers = input.timers ?? systemTimers;
  const webhooks = storage.webhooks;
  // Without PUBLIC_SITE_URL the base is the server's own address, known once it listens (`setOwnAddress`).
  const site: SiteAddress = { baseUrl: config.publicSiteUrl ?? 'http://127.0.0.1', siteName: config.siteName };
  const deliverer =
    config.publishWebhookUrl !== null && config.publishWebhookSecret !== null
      ? new WebhookDeliverer({
          store: webhooks,
          url: config.publishWebhookUrl,
          secret: config.publishWebhookSecret,
          clock,
          timers,
          log,
          ...(input.webhookRetry ? { retry: input.webhookRetry } : {}),
        })
      : null;
  const deps: PublishDeps = {
    publications: storage.publications,
    slugs: storage.slugs,
    schedule: storage.schedule,
    webhooks: deliverer ? webhooks : null,
    transaction: (fn) => storage.unit.transact(fn),
    clock,
    site,
    // What goes out is the story with every pending suggestion left out; publishing refuses while any is pending.
    // Nor any control or bidi-override character (shared/text/cleanText.ts): PostgreSQL refuses NUL in text.
    loadStory: async (id) => {
      const record = await articleStore.get(id);
      if (!record) return null;
      const article = cleanArticle(await withResolvedAuthors(await readStory(input, id), accounts.users));
      return { record, article: { meta: article.meta, doc: withoutSuggestions(article.doc) } };
    },
    setStatus: async (id, status, at) => {
      await articleStore.setStatus(id, status, at);
      await input.registry.refreshRules(id);
    },
    pendingSuggestions: async (id) => countPendingSuggestions((await readStory(input, id)).doc),
    headlineOf: async (id) => (await articleStore.get(id))?.headline ?? null,
    onDeliveryQueued: () => void deliverer?.kick(),
  };
  const listeners: Array<(event: PublishedEvent) => void> = [];

  const publish = async (request: PublishRequest & { note?: string | null }): Promise<PublishResult> => {
    const from = (await articleStore.get(request.articleId))?.status ?? 'approved';
    const result = await publishArticle(deps, request);
    if (!result.ok) return result;
    const { publication } = result;
    const note = request.note?.trim() || publication.correction;
    if (from !== 'published') {
      await accounts.audit.append({ articleId: request.articleId, actor: request.by, action: 'transition', from, to: 'published', note, at: publication.publishedAt });
    } else {
      await accounts.audit.append({ articleId: request.articleId, actor: request.by, action: 'publish', to: String(publication.version), note, at: publication.publishedAt });
    }
    await reviewStoryAccess(input, request.articleId);
    for (const listener of listeners) {
      try {
        listener({ articleId: request.articleId, by: request.by, from, result });
      } catch (error) {
        log.error('a publication listener failed', { articleId: request.articleId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  };

  const scheduler = new Scheduler({ schedule: deps.schedule, clock, timers, log, publish: (articleId, by) => publish({ articleId, by }) });

  // With several servers on one database, one of them runs the scheduler and webhook delivery at a
  // time; it also looks for work queued through the others every `workerPollMs`.
  const lease = storage.workerLease?.('publishing') ?? null;
  let poll: NodeJS.Timeout | null = null;
  const runWorkers = (): void => {
    scheduler.start();
    deliverer?.start();
    if (lease === null) return;
    poll = setInterval(() => {
      scheduler.reschedule();
      void deliverer?.kick();
    }, input.workerPollMs ?? 2_000);
    poll.unref();
  };
  const stopWorkers = async (): Promise<void> => {
    if (poll !== null) clearInterval(poll);
    poll = null;
    scheduler.stop();
    await scheduler.settled;
    await deliverer?.stop();
  };

  return {
    deps,
    scheduler,
    webhooks,
    deliverer,
    clock,
    site,
    publish,
    onPublished: (listener) => {
      listeners.push(listener);
    },
    setOwnAddress: (baseUrl) => {
      if (config.publicSiteUrl === null) site.baseUrl = baseUrl;
    },
    start: () => {
      if (lease === null) {
        runWorkers();
        return;
      }
      lease.start({ gained: runWorkers, lost: () => void stopWorkers() });
    },
    stop: async () => {
      await lease?.stop();
      await stopWorkers();
    },
  };
}
