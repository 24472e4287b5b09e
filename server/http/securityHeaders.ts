import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DIFF_STYLE } from '../../shared/export/diffStyle.ts';
import { SITE_STYLE } from '../../shared/export/siteStyle.ts';

/** What the headers depend on: HTTPS (COOKIE_SECURE) and the other origins the app is served from. */
export interface SecurityHeaderOptions {
  /** The site is served over HTTPS: send HSTS and upgrade insecure requests. */
  secureCookies: boolean;
  /** ALLOWED_ORIGINS: pages there may open the collaboration socket, so the policy lets them connect. */
  allowedOrigins: readonly string[];
}

const ONE_YEAR_S = 365 * 24 * 3600;

// A Host header is the client's to choose; only a plain host[:port] goes into the policy (a `;`
// would start another directive).
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** A CSP source allowing exactly the inline style element holding `css`. */
export function styleHash(css: string): string {
  return `'sha256-${crypto.createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

// The only style elements the app shows: in its sandboxed frames (a published page or its preview,
// a comparison of versions), which inherit the app's policy. A publication kept from before a change
// of SITE_STYLE shows unstyled in the app (its public page, under its own policy, does not).
const FRAME_STYLES = [SITE_STYLE, DIFF_STYLE].map(styleHash);

/** The collaboration socket's own origin, as the browser sees it: ws:// and wss:// of the Host. */
function ownSocketOrigins(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/** `http://x` → `http://x ws://x`: a page on an allowed origin connects to its socket there. */
function withSocketOrigins(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]);
}

/**
 * The editor app's Content-Security-Policy: scripts only from our own files (no inline script, no
 * eval, no handler attributes); style sheets only from our own files and the frames' two known
 * style elements (by hash); style attributes allowed, because pasted Word and Google Docs HTML
 * carries its formatting in them and Chromium reports each one the clipboard parser meets
 * otherwise; images from us and the web (figures point at http(s) images); fetches and the socket
 * only to us; no plugins; never framed; forms and `<base>` only to ourselves.
 */
export function appContentSecurityPolicy(options: SecurityHeaderOptions): Record<string, Array<string | ((req: IncomingMessage) => string)>> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...FRAME_STYLES],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'http:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ownSocketOrigins, ...withSocketOrigins(options.allowedOrigins)],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    ...(options.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every response (helmet): the app's Content-Security-Policy, nosniff,
 * `Referrer-Policy: same-origin` (a story's address never leaves with a click on one of its links,
 * while our own requests keep their Origin), `X-Frame-Options: DENY`, cross-origin isolation of
 * windows and resources, and HSTS only over HTTPS. Routes that serve documents of their own (the
 * public site, an HTML export) replace the CSP with theirs.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(options) },
    strictTransportSecurity: options.secureCookies ? { maxAge: ONE_YEAR_S, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  }) as RequestHandler;
}

/**
 * `npm run dev` only: Vite's client injects an inline script (React refresh), evaluates modules
 * and opens its own hot-reload socket, so the policy of what Vite serves allows inline script,
 * eval, inline styles and any socket. Never used by a built server.
 */
export function devContentSecurityPolicy(options: SecurityHeaderOptions): RequestHandler {
  const directives = appContentSecurityPolicy(options);
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...directives,
      'script-src': ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'style-src-attr': ["'unsafe-inline'"],
      // Vite's hot-reload socket listens on a port of its own, on whatever host the page came from.
      'connect-src': [...directives['connect-src']!, 'ws:', 'wss:'],
    },
  }) as RequestHandler;
}
