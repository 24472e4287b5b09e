import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../config.ts';
import type { RunningServer } from '../index.ts';
import { signInAdmin, startTestServer, tempDataDir, type Auth, type TestClient } from './helpers.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';
import { startTestRedis, type TestRedis } from './support/redis.ts';

/** Where two servers keep their stories: one PostgreSQL database (as in production) or one SQLite file. */
export type SharedEngine = 'PostgreSQL' | 'one SQLite file';

/** Two real servers of a describe block sharing stories through a real Redis, as its tests see them. */
export interface TwoServers {
  readonly a: RunningServer;
  readonly b: RunningServer;
  readonly redis: TestRedis;
  /** The bootstrap admin's session (signed in on A; sessions are shared). */
  readonly admin: Auth;
  /** Clients a test opened: destroyed after the block, before the servers stop. */
  readonly clients: TestClient[];
}

/**
 * Starts Redis (`ownRedis`: one of the block's own, which a test may kill), the engine's storage and
 * two servers on them before the enclosing describe block's tests; stops them all after.
 */
export function useTwoServers(engine: SharedEngine, options: { ownRedis?: boolean; overrides?: Partial<Config> } = {}): TwoServers {
  const dir = tempDataDir();
  let database: TestDatabase | null = null;
  let started: { a: RunningServer; b: RunningServer; redis: TestRedis; admin: Auth } | null = null;
  let redis: TestRedis | undefined;
  const servers: RunningServer[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    [redis, database] = await Promise.all([startTestRedis({ own: options.ownRedis ?? false }), engine === 'PostgreSQL' ? startTestDatabase() : null]);
    const shared = { redisUrl: redis.url, unloadDelayMs: 60_000, databaseUrl: database?.url ?? null, ...options.overrides };
    for (let i = 0; i < 2; i++) servers.push(await startTestServer(dir.dataDir, shared));
    started = { a: servers[0]!, b: servers[1]!, redis, admin: await signInAdmin(servers[0]!.url) };
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
    await redis?.stop();
    await database?.close();
    dir.remove();
  });

  const get = () => {
    if (!started) throw new Error('the servers have not started yet: read them inside a hook or a test');
    return started;
  };
  return {
    get a() {
      return get().a;
    },
    get b() {
      return get().b;
    },
    get redis() {
      return get().redis;
    },
    get admin() {
      return get().admin;
    },
    clients,
  };
}
