import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { RequestBudget } from './RequestBudget.ts';

/**
 * The server's request budget: none when REQUEST_BUDGET_POINTS is 0, in Redis when servers share
 * stories (REDIS_URL: one budget per account across them), else in this server's memory.
 */
export async function openRequestBudget(
  config: Pick<Config, 'requestBudgetPoints' | 'requestBudgetWindowSeconds' | 'redisUrl'>,
  installationId: string,
  log: Logger,
): Promise<RequestBudget | null> {
  const { requestBudgetPoints: points, requestBudgetWindowSeconds: windowSeconds } = config;
  if (points === 0) return null;
  if (!config.redisUrl) return RequestBudget.inMemory(points, windowSeconds);
  // Redis's client is loaded only by a server that uses it.
  const { connectRedisRequestBudget } = await import('./connectRedisRequestBudget.ts');
  return connectRedisRequestBudget(config.redisUrl, installationId, points, windowSeconds, log);
}
