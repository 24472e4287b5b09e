import { afterAll, beforeAll } from 'vitest';
import { testConfig, type Config } from '../../config.ts';
import { startServer, type RunningServer } from '../../index.ts';
import { signInAdmin, TEST_ADMIN_PASSWORD, tempDataDir, type Auth } from '../helpers.ts';
import { SwitchableDocStore } from './SwitchableDocStore.ts';

/** The in-process server of a describe block, its DocStore switchable. */
export interface FaultyTestServer {
  readonly dataDir: string;
  readonly url: string;
  /** The server's own DocStore, wrapped: set `store.failing`, read what is stored through `store.inner`. */
  readonly store: SwitchableDocStore;
  readonly admin: Auth;
  /** Stops the server (healing the store first, so the stop can store) and starts it again on the same folder. */
  restart(): Promise<void>;
}

/**
 * Like useTestServer, but the server's DocStore is a SwitchableDocStore around the real SQLite
 * one (StartOptions.wrapDocStore), so a test can make every commit fail and heal it again.
 */
export function useFaultyServer(overrides: Partial<Config> = {}): FaultyTestServer {
  const dir = tempDataDir();
  let running: RunningServer | undefined;
  let store: SwitchableDocStore | undefined;
  let admin: Auth | undefined;
  const start = async () => {
    running = await startServer(
      testConfig({ dataDir: dir.dataDir, unloadDelayMs: 50, summaryDebounceMs: 20, adminPassword: TEST_ADMIN_PASSWORD, ...overrides }),
      { wrapDocStore: (inner) => (store = new SwitchableDocStore(inner)) },
    );
  };
  const stop = async () => {
    if (store) store.failing = false;
    await running?.stop();
  };
  beforeAll(async () => {
    await start();
    admin = await signInAdmin(running!.url);
  });
  afterAll(async () => {
    await stop();
    dir.remove();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test server has not started yet: read it inside a hook or a test');
    return value;
  };
  return {
    dataDir: dir.dataDir,
    get url() {
      return started(running).url;
    },
    get store() {
      return started(store);
    },
    get admin() {
      return started(admin);
    },
    async restart() {
      await stop();
      await start();
    },
  };
}
