import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import { StoryBusyError, StoryLockUnavailableError, type StoryLock } from '../StoryLock.ts';
import { answerNowOptions } from './answerNowOptions.ts';
import { RelayStartError } from './RelayStartError.ts';

/** How a RedisStoryLock waits and how long a lock lives unrenewed; every field has a default. */
export interface StoryLockTimings {
  /** A lock not renewed for this long is gone (its server died): the others may take it. */
  ttlMs: number;
  /** How long a change waits for the lock before StoryBusyError. */
  waitMs: number;
  /** Pause between two tries, before a random part of the same length. */
  retryMs: number;
}

const DEFAULT_TIMINGS: StoryLockTimings = { ttlMs: 15_000, waitMs: 10_000, retryMs: 25 };

// Only the holder's token lets go of or renews a lock: a server that outlived its lock never frees another's.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** Where a story's lock lives (the database's id: two newsrooms on one Redis never share one). */
export function storyLockKey(installationId: string, articleId: string): string {
  return `copydesk:${installationId}:story-lock:${articleId}`;
}

/**
 * StoryLock on Redis: a key set only when absent (`SET … NX PX`) to a random token, renewed every
 * third of its life while the change runs, deleted by its token when the change settles. A server
 * that dies holding it loses it after `ttlMs`. Redis's documented lock for one instance: the
 * servers of one installation share one Redis already (the relay).
 */
export class RedisStoryLock implements StoryLock {
  readonly #redis: Redis;
  readonly #installationId: string;
  readonly #timings: StoryLockTimings;
  readonly #log: Logger;

  private constructor(redis: Redis, installationId: string, timings: StoryLockTimings, log: Logger) {
    this.#redis = redis;
    this.#installationId = installationId;
    this.#timings = timings;
    this.#log = log;
  }

  /** Connects; rejects with RelayStartError when Redis cannot be reached now, as the relay does. */
  static async connect(url: string, installationId: string, log: Logger, timings: Partial<StoryLockTimings> = {}): Promise<RedisStoryLock> {
    // A change waits for no reconnect: it is refused at once and can be asked for again.
    const redis = new Redis(url, answerNowOptions('copydesk-story-lock'));
    redis.on('error', (error: Error) => log.debug('story lock: Redis connection error', { error: error.message }));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new RelayStartError('relay_unreachable', `Redis (REDIS_URL) is unreachable for the story lock: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new RedisStoryLock(redis, installationId, { ...DEFAULT_TIMINGS, ...timings }, log);
  }

  async hold<T>(articleId: string, fn: () => Promise<T>): Promise<T> {
    const key = storyLockKey(this.#installationId, articleId);
    const token = randomBytes(16).toString('hex');
    await this.#take(key, token);
    const { ttlMs } = this.#timings;
    const renewal = setInterval(() => {
      this.#redis.eval(RENEW, 1, key, token, ttlMs).then(
        (renewed) => {
          if (renewed !== 1) this.#log.warn('story lock: the lock was lost while a change ran', { articleId });
        },
        (error: unknown) => this.#log.warn('story lock: renewing failed', { articleId, error }),
      );
    }, Math.max(1, Math.floor(ttlMs / 3)));
    renewal.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      // Not let go (Redis away): the lock lapses after ttlMs on its own.
      await this.#redis.eval(RELEASE, 1, key, token).catch((error: unknown) => this.#log.warn('story lock: letting go failed', { articleId, error }));
    }
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }

  async #take(key: string, token: string): Promise<void> {
    const { ttlMs, waitMs, retryMs } = this.#timings;
    const deadline = Date.now() + waitMs;
    for (;;) {
      let taken: string | null;
      try {
        taken = await this.#redis.set(key, token, 'PX', ttlMs, 'NX');
      } catch (error) {
        throw new StoryLockUnavailableError(`the story lock could not be asked for: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (taken === 'OK') return;
      if (Date.now() >= deadline) throw new StoryBusyError('another server is changing the story');
      await new Promise((resolve) => setTimeout(resolve, retryMs + Math.random() * retryMs));
    }
  }
}
