import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../config.ts';
import type { RunningServer } from '../index.ts';
import { connectClient, signInAdmin, startTestServer, tempDataDir, type Auth, type TestClient } from './helpers.ts';

/** The real server of a describe block, as its tests see it. */
export interface TestServer {
  /** The server's temporary data folder (its SQLite file lives here). */
  readonly dataDir: string;
  /** The server's http:// address on its port 0 listener. */
  readonly url: string;
  /** The bootstrap admin's session; a test that ends that session signs in again and stores the new one here. */
  admin: Auth;
  /** Stops the server and starts it again on the same data folder (and a new port); sessions survive. */
  restart(): Promise<void>;
}

/**
 * Starts the real server in a temporary folder before the enclosing describe block's tests and
 * signs in the admin; stops it and removes the folder after them. Hooks the caller registers
 * later run after this start and, being torn down first, before this stop.
 */
export function useTestServer(overrides: Partial<Config> = {}): TestServer {
  const dir = tempDataDir();
  let running: RunningServer | undefined;
  let admin: Auth | undefined;
  beforeAll(async () => {
    running = await startTestServer(dir.dataDir, overrides);
    admin = await signInAdmin(running.url);
  });
  afterAll(async () => {
    await running?.stop();
    dir.remove();
  });
  return {
    dataDir: dir.dataDir,
    get url() {
      if (!running) throw new Error('the test server has not started yet: read it inside a hook or a test');
      return running.url;
    },
    get admin() {
      if (!admin) throw new Error('the admin has not signed in yet: read it inside a hook or a test');
      return admin;
    },
    set admin(auth: Auth) {
      admin = auth;
    },
    async restart() {
      await running?.stop();
      running = await startTestServer(dir.dataDir, overrides);
    },
  };
}

/**
 * Collaboration clients of a describe block's tests: `open` connects one to a story and waits for
 * its first sync; every client opened is destroyed after the block (before its server stops).
 */
export function useOpenClients(server: TestServer): {
  open(auth: Auth, articleId: string): Promise<TestClient>;
  readonly clients: TestClient[];
} {
  const clients: TestClient[] = [];
  afterAll(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  return {
    clients,
    async open(auth, articleId) {
      const client = connectClient(server.url, articleId, { auth });
      clients.push(client);
      await client.synced;
      return client;
    },
  };
}
