import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CloseCode } from '../shared/collab/closeCodes.ts';
import { openAccounts } from './accounts/Accounts.ts';
import { createApp } from './app.ts';
import { BackupSchedule } from './backups/BackupSchedule.ts';
import { bootstrapAdmin } from './auth/bootstrapAdmin.ts';
import { attachCollab } from './collab/attachCollab.ts';
import { CommitQueue } from './collab/CommitQueue.ts';
import { DocumentRegistry } from './collab/DocumentRegistry.ts';
import { RelayStartError } from './collab/relay/RelayStartError.ts';
import { reviewStoryAccess } from './commands/reviewStoryAccess.ts';
import { schemaViolation, storyViolation } from './collab/storyFitsSchema.ts';
import { touchedTypes } from './collab/touchedTypes.ts';
import { StorySockets } from './collab/StorySockets.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openRequestBudget } from './http/openRequestBudget.ts';
import { createLogger } from './log.ts';
import { indexMissingStories } from './search/indexMissingStories.ts';
import { Metrics } from './metrics/Metrics.ts';
import { systemClock, systemTimers, type Clock, type Timers } from './publish/Clock.ts';
import { openPublishing } from './publish/openPublishing.ts';
import type { RetryPolicy } from './publish/WebhookDelivery.ts';
import type { DocStore } from './storage/DocStore.ts';
import { openStorage } from './storage/openStorage.ts';
import { DatabaseUnavailableError } from './storage/DatabaseUnavailableError.ts';
import { DatabaseInUseError } from './storage/DatabaseInUseError.ts';
import { NOTICE_KEEP_DAYS } from './storage/WordsBackStore.ts';
import { AutoVersioner } from './versions/AutoVersioner.ts';
import { keepTransitionVersion } from './versions/keepTransitionVersion.ts';
import type express from 'express';

/** A running server, as startServer returns it. */
export interface RunningServer {
  port: number;
  url: string;
  /** Closes every socket with ServerShutdown, stores what is pending and closes the database. */
  stop(): Promise<void>;
}

/** Adds middleware before the app (the dev server puts Vite there). */
export type DecorateApp = (app: express.Express, server: http.Server) => Promise<void> | void;

/** How a server is started besides its config: tests inject the publishing clock here. */
export interface StartOptions {
  decorate?: DecorateApp;
  /** Where publishing, the scheduler, embargoes and webhook retries read the time (a ManualClock in tests). */
  clock?: Clock;
  /** The timers the scheduler and webhook retries wait with; pass the same ManualClock as `clock`. */
  timers?: Timers;
  /** Webhook retry policy (default: 5 s doubling to 1 h, 12 attempts). */
  webhookRetry?: RetryPolicy;
  /** Wraps the story update store the collaboration server commits to (tests inject write failures here). */
  wrapDocStore?: (store: DocStore) => DocStore;
}

/**
 * Builds and starts the whole server for `config`. The second argument is either the `decorate`
 * function or the start options. Used by this file's main and by the integration tests.
 */
export async function startServer(config: Readonly<Config>, decorateOrOptions?: DecorateApp | StartOptions): Promise<RunningServer> {
  const options: StartOptions = typeof decorateOrOptions === 'function' ? { decorate: decorateOrOptions } : (decorateOrOptions ?? {});
  const decorate = options.decorate;
  const log = createLogger(config.logLevel, { pretty: config.logPretty });
  const metrics = new Metrics();
  const storage = await openStorage(config, log);
  const articleStore = storage.articles;
  const docStore = storage.docs;
  const collabStore = options.wrapDocStore?.(docStore) ?? docStore;
  // Authorship is recorded through the commit queue: an update's author before the update.
  const commits = new CommitQueue(collabStore, log, metrics, storage.authorship);
  const accounts = openAccounts(storage, config.loginThrottle, config.mfaKey);
  if (!accounts.mfaSecrets.seals) log.warn('MFA_KEY is not set: two-step sign-in secrets are stored unsealed in the database');
  const boot = await bootstrapAdmin(accounts.users, { password: config.adminPassword, scryptParams: config.scryptParams });
  if (boot.created && boot.generatedPassword !== null) {
    process.stdout.write(
      `Created the account "${boot.username}" with the password: ${boot.generatedPassword}\n` +
        '(shown only this once: sign in and change it, or set COPYDESK_ADMIN_PASSWORD before the first start)\n',
    );
  }
  const sweep = setInterval(() => {
    accounts.sessions.deleteExpired(new Date()).catch((error: unknown) => log.error('sweeping expired sessions failed', { error }));
    storage.wordsBack
      .expire(new Date(Date.now() - NOTICE_KEEP_DAYS * 86_400_000))
      .catch((error: unknown) => log.error('sweeping expired words-back notices failed', { error }));
  }, 3_600_000);
  sweep.unref();
  const versions = storage.versions;
  // The hooks run later, so the registry may be built before the versioner it calls.
  // Redis's client (about 12 MiB) is loaded only by a server that uses it.
  const relay = config.redisUrl ? await (await import('./collab/relay/RedisRelay.ts')).createRedisRelay(config.redisUrl, log, metrics) : null;
  const notices = config.redisUrl
    ? await (await import('./collab/relay/RedisAccessNotices.ts')).RedisAccessNotices.connect(config.redisUrl, storage.installationId, log)
    : null;
  const storyLock = config.redisUrl
    ? await (await import('./collab/relay/RedisStoryLock.ts')).RedisStoryLock.connect(config.redisUrl, storage.installationId, log)
    : null;
  const requestBudget = await openRequestBudget(config, storage.installationId, log);
  requestBudget?.countRefusals(metrics);
  const registry: DocumentRegistry = new DocumentRegistry({
    relay,
    docStore: collabStore,
    commits,
    schemaCheck: (ydoc, transaction) => schemaViolation(ydoc, touchedTypes(transaction)),
    storyCheck: storyViolation,
    articleStore,
    searchIndex: storage.search,
    config,
    log,
    metrics,
    wordsBack: storage.wordsBack,
    onChange: (id, username) => versioner.change(id, username),
    onUnload: (id, ydoc) => void versioner.unload(id, ydoc),
  });
  const versioner: AutoVersioner = new AutoVersioner({
    versions,
    clock: systemClock,
    timers: systemTimers,
    log,
    periodMs: config.autoVersionMs,
    docFor: (id) => registry.loaded(id)?.ydoc ?? null,
  });
  const storySockets = new StorySockets();
  if (notices) {
    // One socket registry per server: what closes or changes access here reaches the others' sockets.
    accounts.liveSockets.connect(notices);
    registry.shareRules(notices);
    notices.onNotice((notice) => {
      if (notice.kind === 'story_deleted') storySockets.closeAll(notice.articleId, CloseCode.StoryDeleted, 'story deleted');
      if (notice.kind !== 'story') return;
      reviewStoryAccess({ articleStore, accounts, storySockets }, notice.articleId).catch((error: unknown) =>
        log.warn('reviewing a story’s sockets for another server failed', { articleId: notice.articleId, error }),
      );
    });
  }
  const publishing = openPublishing({
    storage,
    notices,
    config,
    articleStore,
    docStore,
    registry,
    accounts,
    storySockets,
    log,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.webhookRetry ? { webhookRetry: options.webhookRetry } : {}),
  });
  // A first publication is a workflow transition: keep a version of what went out.
  publishing.onPublished(({ articleId, by, from }) => {
    if (from !== 'published') void keepTransitionVersion({ registry, versioner, log }, { articleId, from, to: 'published', by });
  });
  const backups =
    config.backupDir && storage.backup
      ? new BackupSchedule({ dir: config.backupDir, everyMs: config.backupEveryMinutes * 60_000, keep: config.backupKeep, backup: storage.backup, log, metrics })
      : null;
  const app = createApp({ backups, config, articleStore, docStore, searchIndex: storage.search, sections: storage.sections, authorship: storage.authorship, registry, accounts, storySockets, log, publishing, versions, versioner, relay, storyLock, notices, database: storage, metrics, eraser: storage.eraser, wordsBack: storage.wordsBack, requestBudget });
  const server = http.createServer(app);
  await decorate?.(app, server);
  const wss = attachCollab(server, { config, articleStore, registry, commits, accounts, storySockets, log, metrics, requestBudget });
  metrics.watchOpen({ stories: () => registry.size, sockets: () => wss.clients.size });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  backups?.start();
  publishing.setOwnAddress(`http://127.0.0.1:${port}`);
  // Publishes what fell due while the server was down and resumes pending webhook deliveries.
  publishing.start();
  // Stories written before search existed join the index in the background.
  const indexing = indexMissingStories({ articleStore, docStore, searchIndex: storage.search, log }).then(
    (count) => {
      if (count > 0) log.info('stories indexed for search', { count });
    },
    (error: unknown) => log.warn('indexing stories for search failed', { error }),
  );

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // No scheduled publication may start while the stories are being closed.
      const publishingStopped = publishing.stop();
      const failed = await registry.closeAll(CloseCode.ServerShutdown);
      if (failed.length > 0) log.error('some stories had updates that could not be stored', { articleIds: failed.join(',') });
      // closeAll kept a version of every story with unversioned changes; no period may end now.
      versioner.stop();
      // Let the close frames reach the clients so they see ServerShutdown, not a dropped connection.
      const deadline = Date.now() + 1_000;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await closed;
      clearInterval(sweep);
      await publishingStopped;
      await relay?.close();
      await notices?.close();
      await storyLock?.close();
      requestBudget?.close();
      await indexing;
      await backups?.stop();
      await storage.close();
    })();
    return stopping;
  };
  return { port, url: `http://127.0.0.1:${port}`, stop };
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Copydesk cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config);
  process.stdout.write(`Copydesk listening on http://127.0.0.1:${running.port}\n`);
  const shutdown = (signal: string) => {
    process.stderr.write(`Copydesk stopping (${signal})\n`);
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // A database or Redis that cannot be reached, or a setting refused at start (COPYDESK_ADMIN_PASSWORD),
    // is named by its variable; anything else is a bug, with its stack.
    const known = error instanceof DatabaseUnavailableError || error instanceof DatabaseInUseError || error instanceof RelayStartError || error instanceof ConfigError;
    const detail = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`Copydesk failed to start: ${detail}\n`);
    process.exit(1);
  });
}
