/** Methods that change state and so must come from our own pages. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Request headers the origin check reads (Node's lower-cased `IncomingHttpHeaders` fits). */
export interface OriginHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
}

export interface OriginPolicy {
  /** Extra origins allowed besides the server's own, e.g. `https://desk.example.com` behind a proxy that rewrites Host, or the Vite dev server. */
  allowedOrigins: readonly string[];
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function sameHost(origin: string, hostHeader: string): boolean {
  const url = new URL(origin);
  try {
    // Parsing Host with the origin's scheme drops a default port (":443" for https), as URL.host does.
    return new URL(`${url.protocol}//${hostHeader.trim()}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Whether a request's `Origin` is this site: its host (and port) equals the `Host` header,
 * or it is one of `allowedOrigins`. A request with no `Origin` did not come from a page script
 * in a current browser (they send it on every cross-origin request, every POST and every
 * WebSocket handshake), so it is accepted unless `Sec-Fetch-Site` says `cross-site`;
 * such clients still need the session cookie. The literal `Origin: null` (sandboxed frames,
 * file: pages) is refused.
 */
export function checkOrigin(headers: OriginHeaders, policy: OriginPolicy): OriginVerdict {
  const origin = headers.origin;
  if (origin === undefined || origin === '') {
    const site = headers['sec-fetch-site'];
    if (site === 'cross-site') return { ok: false, reason: 'Cross-site request without an Origin header.' };
    return { ok: true };
  }
  const normalized = originOf(origin);
  if (normalized === null) return { ok: false, reason: `Origin ${JSON.stringify(origin)} is not allowed.` };
  if (policy.allowedOrigins.some((allowed) => originOf(allowed) === normalized)) return { ok: true };
  if (headers.host && sameHost(normalized, headers.host)) return { ok: true };
  return { ok: false, reason: `Origin ${normalized} is not this site.` };
}

/** The check for HTTP requests: only state-changing methods are examined; GET, HEAD and OPTIONS pass. */
export function checkRequestOrigin(method: string, headers: OriginHeaders, policy: OriginPolicy): OriginVerdict {
  return UNSAFE_METHODS.has(method.toUpperCase()) ? checkOrigin(headers, policy) : { ok: true };
}
