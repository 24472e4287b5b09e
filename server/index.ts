import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CloseCode } from '../shared/collab/closeCodes.ts';
import { openAccounts } from './accounts/Accounts.ts';
import { createApp } from './app.ts';
import { bootstrapAdmin } from './auth/bootstrapAdmin.ts';
import { attachCollab } from './collab/attachCollab.ts';
import { DocumentRegistry } from './collab/DocumentRegistry.ts';
import { StorySockets } from './collab/StorySockets.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './log.ts';
import { openDatabase } from './storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from './storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from './storage/sqlite/SqliteDocStore.ts';
import type express from 'express';

/** A running server, as startServer returns it. */
export interface RunningServer {
  port: number;
  url: string;
  /** Closes every socket with ServerShutdown, stores what is pending and closes the database. */
  stop(): Promise<void>;
}

/**
 * Builds and starts the whole server for `config`. `decorate` may add middleware before the
 * app (the dev server puts Vite there). Used by this file's main and by the integration tests.
 */
export async function startServer(
  config: Readonly<Config>,
  decorate?: (app: express.Express, server: http.Server) => Promise<void> | void,
): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.dataDir, { synchronous: config.sqliteSynchronous });
  const articleStore = new SqliteArticleStore(db);
  const docStore = new SqliteDocStore(db);
  const accounts = openAccounts(db, config.loginThrottle);
  const boot = await bootstrapAdmin(accounts.users, { password: config.adminPassword, scryptParams: config.scryptParams });
  if (boot.created && boot.generatedPassword !== null) {
    process.stdout.write(
      `Created the account "${boot.username}" with the password: ${boot.generatedPassword}\n` +
        '(shown only this once: sign in and change it, or set COPYDESK_ADMIN_PASSWORD before the first start)\n',
    );
  }
  const sweep = setInterval(() => accounts.sessions.deleteExpired(new Date()), 3_600_000);
  sweep.unref();
  const registry = new DocumentRegistry({ docStore, articleStore, config, log });
  const storySockets = new StorySockets();
  const app = createApp({ config, articleStore, docStore, registry, accounts, storySockets, log });
  const server = http.createServer(app);
  await decorate?.(app, server);
  const wss = attachCollab(server, { config, articleStore, registry, accounts, storySockets, log });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const failed = registry.closeAll(CloseCode.ServerShutdown);
      if (failed.length > 0) log.error('some stories had updates that could not be stored', { articleIds: failed.join(',') });
      // Let the close frames reach the clients so they see ServerShutdown, not a dropped connection.
      const deadline = Date.now() + 1_000;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await closed;
      clearInterval(sweep);
      db.close();
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
    process.stderr.write(`Copydesk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
