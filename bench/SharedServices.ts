import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startTestDatabase, type TestDatabase } from '../server/test/support/postgres.ts';
import { startTestRedis, type TestRedis } from '../server/test/support/redis.ts';
import { processTreeCpuSeconds } from './procStats.ts';

/** A process the servers rely on without being one of them, measured apart. */
export interface MeasuredService {
  /** `PostgreSQL`, `Redis` */
  readonly name: string;
  /** CPU seconds it has used so far (its child processes included); NaN when it cannot be read from /proc. */
  cpuSeconds(): number;
}

/**
 * A throwaway PostgreSQL cluster (one database) and a throwaway Redis, started the way the tests
 * start theirs (`TEST_DATABASE_URL` / `TEST_REDIS_URL` name existing ones instead), for servers
 * that share them. Their CPU is read from /proc: the postmaster and every backend it forked, and
 * the redis-server process.
 */
export class SharedServices {
  private constructor(
    private readonly database: TestDatabase,
    private readonly redis: TestRedis,
    readonly services: readonly MeasuredService[],
  ) {}

  static async start(): Promise<SharedServices> {
    const [database, redis] = await Promise.allSettled([startTestDatabase(), startTestRedis()]);
    if (database.status === 'rejected' || redis.status === 'rejected') {
      if (database.status === 'fulfilled') await database.value.close();
      if (redis.status === 'fulfilled') await redis.value.stop();
      throw database.status === 'rejected' ? database.reason : (redis as PromiseRejectedResult).reason;
    }
    try {
      const [postmaster, redisPid] = await Promise.all([postmasterPid(database.value.url), redisServerPid(redis.value.url)]);
      return new SharedServices(database.value, redis.value, [treeOf('PostgreSQL', postmaster), treeOf('Redis', redisPid)]);
    } catch (error) {
      await Promise.all([database.value.close(), redis.value.stop()]);
      throw error;
    }
  }

  /** `DATABASE_URL` for the servers. */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** `REDIS_URL` for the servers. */
  get redisUrl(): string {
    return this.redis.url;
  }

  /** Drops the database and stops what was started for it. */
  async stop(): Promise<void> {
    await Promise.all([this.database.close(), this.redis.stop()]);
  }
}

function treeOf(name: string, pid: number | null): MeasuredService {
  return { name, cpuSeconds: () => (pid === null ? Number.NaN : processTreeCpuSeconds(pid)) };
}

/** The postmaster's pid from `postmaster.pid` in the cluster's data directory; null when that is not on this machine. */
async function postmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    const pid = Number(readFileSync(join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** The pid Redis reports in INFO, if that is a redis-server process on this machine; else null. */
async function redisServerPid(url: string): Promise<number | null> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const pid = Number(/^process_id:(\d+)/m.exec(await client.info('server'))?.[1]);
    if (!Number.isInteger(pid)) return null;
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('redis-server') ? pid : null;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}
