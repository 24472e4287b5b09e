import type { Accounts } from './accounts/Accounts.ts';
import type { DocumentRegistry } from './collab/DocumentRegistry.ts';
import type { StorySockets } from './collab/StorySockets.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { ArticleStore } from './storage/ArticleStore.ts';
import type { DocStore } from './storage/DocStore.ts';

/** Everything the HTTP app needs, built by server/index.ts (or by a test). */
export interface AppDeps {
  config: Pick<
    Config,
    'maxBodyBytes' | 'clientDir' | 'allowedOrigins' | 'secureCookies' | 'sessionTtlMs' | 'trustedProxies' | 'scryptParams'
  >;
  articleStore: ArticleStore;
  docStore: DocStore;
  registry: DocumentRegistry;
  accounts: Accounts;
  /** The story's open sockets, closed when its status or people change who may edit. */
  storySockets: StorySockets;
  log: Logger;
}
