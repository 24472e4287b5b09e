/** Name of the session cookie. */
export const SESSION_COOKIE = 'copydesk_session';

/** Default session lifetime: a working week, slid forward by activity. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionCookieOptions {
  /** Add `Secure`: set when the site is served over HTTPS (directly or behind a trusted TLS proxy). */
  secure: boolean;
  /** Lifetime in ms; the browser forgets the cookie after it. */
  maxAgeMs?: number;
}

/**
 * The `Set-Cookie` value that stores `token`: HttpOnly (no script can read it), SameSite=Lax
 * (not sent on cross-site POSTs, fetches or WebSocket handshakes started by other sites), Path=/.
 */
export function sessionCookie(token: string, { secure, maxAgeMs = SESSION_TTL_MS }: SessionCookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value that deletes the session cookie (sign-out). */
export function clearedSessionCookie({ secure }: Pick<SessionCookieOptions, 'secure'>): string {
  return sessionCookie('', { secure, maxAgeMs: 0 }).replace('Max-Age=0', 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
}

/** Every cookie in a `Cookie` header, by name; the first of a repeated name wins, as browsers send the most specific first. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The session token from a request's `Cookie` header, or null. */
export function readSessionToken(cookieHeader: string | undefined): string | null {
  const value = parseCookies(cookieHeader).get(SESSION_COOKIE);
  return value ? value : null;
}
