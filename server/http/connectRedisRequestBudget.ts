import { Redis } from 'ioredis';
import { answerNowOptions } from '../collab/relay/answerNowOptions.ts';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../log.ts';
import { RequestBudget } from './RequestBudget.ts';

/** Where an installation's budgets live in Redis (the database's id: two newsrooms on one Redis never share one). */
export function requestBudgetPrefix(installationId: string): string {
  return `copydesk:${installationId}:budget`;
}

/**
 * A request budget every server sharing `url` spends from: an account cannot get N budgets by
 * spreading its requests over N servers. While Redis cannot answer, each server keeps counting in
 * its own memory (rate-limiter-flexible's insurance limiter), so the budget never blocks anyone
 * for Redis's sake. Rejects when Redis cannot be reached at start, as the relay does.
 */
export async function connectRedisRequestBudget(
  url: string,
  installationId: string,
  points: number,
  windowSeconds: number,
  log: Logger,
): Promise<RequestBudget> {
  // A command waits for no reconnect: the insurance limiter answers at once instead.
  const redis = new Redis(url, answerNowOptions('copydesk-request-budget'));
  redis.on('error', (error: Error) => log.debug('request budget: Redis connection error', { error: error.message }));
  await redis.connect();
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: requestBudgetPrefix(installationId),
    points,
    duration: windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
  });
  return new RequestBudget(limiter, () => redis.disconnect());
}
