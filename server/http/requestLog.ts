import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { pinoOf, type Logger } from '../log.ts';

/**
 * Logs each request and its response at debug (method, URL, status, time, headers: credentials
 * redacted by the logger). A no-op unless `log` is a createLogger logger with debug enabled.
 */
export function requestLog(log: Logger): RequestHandler {
  const logger = pinoOf(log);
  if (!logger?.isLevelEnabled('debug')) return (_req, _res, next) => next();
  return pinoHttp({ logger, useLevel: 'debug' });
}
