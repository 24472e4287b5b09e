import type { RedisOptions } from 'ioredis';

/**
 * Options of a Redis connection whose commands answer now or fail: connected by the caller
 * (`connect()`), no command waits for a reconnect (no offline queue, one retry), and the
 * connection itself comes back every 0.2–2 s. Used by the request budget, the access notices'
 * publisher and the story lock; the relay tunes its own.
 */
export function answerNowOptions(connectionName: string): RedisOptions {
  return {
    lazyConnect: true,
    connectionName,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
}
