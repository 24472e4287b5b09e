import type { BackupSchedule } from './backups/BackupSchedule.ts';
import type { AccessNoticeBus } from './auth/AccessNotice.ts';
import type { Accounts } from './accounts/Accounts.ts';
import type { DocumentRegistry } from './collab/DocumentRegistry.ts';
import type { StoryLock } from './collab/StoryLock.ts';
import type { StorySockets } from './collab/StorySockets.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics/Metrics.ts';
import type { RequestBudget } from './http/RequestBudget.ts';
import type { Publishing } from './publish/openPublishing.ts';
import type { ArticleStore } from './storage/ArticleStore.ts';
import type { AuthorshipStore } from './storage/AuthorshipStore.ts';
import type { DocStore } from './storage/DocStore.ts';
import type { StoryEraser } from './storage/StoryEraser.ts';
import type { SearchIndex } from './storage/SearchIndex.ts';
import type { SectionStore } from './storage/SectionStore.ts';
import type { VersionStore } from './storage/VersionStore.ts';
import type { WordsBackStore } from './storage/WordsBackStore.ts';
import type { AutoVersioner } from './versions/AutoVersioner.ts';

/** Everything the HTTP app needs, built by server/index.ts (or by a test). */
export interface AppDeps {
  /** Tells the other servers when a story's access changed (none: one server). */
  notices?: AccessNoticeBus | null;
  /** The relay to the other servers (none: one server); /api/health reports it. */
  relay?: { readonly healthy: boolean } | null;
  /** A story's turn across servers for restores (none: one server). */
  storyLock?: StoryLock | null;
  /** The database, for /api/health: null while it answers, otherwise what is wrong. */
  database?: { problem(): Promise<string | null> } | null;
  config: Pick<
    Config,
    'maxBodyBytes' | 'clientDir' | 'allowedOrigins' | 'secureCookies' | 'sessionTtlMs' | 'trustedProxies' | 'scryptParams' | 'metricsAllow' | 'metricsToken'
  >;
  articleStore: ArticleStore;
  docStore: DocStore;
  /** Who wrote what: GET /api/articles/:id/authorship reads it; new and imported stories record their first words. */
  authorship: AuthorshipStore;
  /** The full-text index of stories: GET /api/articles?q= reads it, new and imported stories join it. */
  searchIndex: SearchIndex;
  /** The desk's section list (GET/POST/PATCH/DELETE /api/sections). */
  sections: SectionStore;
  registry: DocumentRegistry;
  accounts: Accounts;
  /** The story's open sockets, closed when its status or people change who may edit. */
  storySockets: StorySockets;
  log: Logger;
  /** Version history of each story. */
  versions: VersionStore;
  /** Keeps automatic versions after periods of editing; captures transition, named and restore versions. */
  versioner: AutoVersioner;
  /** Publishing: its stores and commands' deps, the scheduler, the webhook queue, the site's address and clock. */
  publishing: Publishing;
  /** Deletes a spiked story for good (the storage's StoryEraser). */
  eraser: StoryEraser;
  /** Each writer's words a story did not keep, until her browser has them (GET /api/articles/:id/words-back). */
  wordsBack: WordsBackStore;
  /** The server's metrics, served at GET /metrics (none: no such route). */
  metrics?: Metrics | null;
  /** What each account may ask of the API per window (none: unbounded; REQUEST_BUDGET_POINTS=0). */
  requestBudget?: RequestBudget | null;
  /** The database's backup schedule (BACKUP_DIR), for POST /api/backups; null or absent: none. */
  backups?: BackupSchedule | null;
}
