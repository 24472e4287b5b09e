import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import type { Config } from '../config.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Metrics } from './Metrics.ts';

/** What GET /metrics needs. */
export interface MetricsRouteDeps {
  metrics: Pick<Metrics, 'text' | 'contentType'>;
  config: Pick<Config, 'metricsAllow' | 'metricsToken' | 'trustedProxies'>;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * GET /metrics: every metric in the Prometheus text format, for a caller whose address
 * (clientAddress(): behind TRUSTED_PROXIES, the forwarded one) is in METRICS_ALLOW, or who sends
 * `Authorization: Bearer <METRICS_TOKEN>` when a token is set. Anyone else gets 403 `forbidden`.
 */
export function metricsRoute(deps: MetricsRouteDeps): RequestHandler {
  const { metricsAllow, metricsToken, trustedProxies } = deps.config;
  const expected = metricsToken === null ? null : digest(metricsToken);
  const hasToken = (authorization: string | undefined): boolean => {
    const sent = expected && authorization ? BEARER.exec(authorization)?.[1] : undefined;
    // Compared as digests: equal lengths, and no timing to learn the token from.
    return sent !== undefined && timingSafeEqual(digest(sent), expected!);
  };
  return async (req, res) => {
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
    if (!metricsAllow.has(address) && !hasToken(req.headers.authorization)) {
      throw new HttpError(403, ErrorId.Forbidden, 'GET /metrics answers addresses in METRICS_ALLOW, or the bearer token METRICS_TOKEN.');
    }
    const text = await deps.metrics.text();
    res.set('Content-Type', deps.metrics.contentType).set('Cache-Control', 'no-store').send(text);
  };
}
