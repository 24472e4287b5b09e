import type { SessionRecord, SessionStore } from '../storage/SessionStore.ts';
import type { UserRecord, UserStore } from '../storage/UserStore.ts';
import { readSessionToken } from './cookies.ts';
import { isWellFormedSessionToken } from './sessionToken.ts';

/** A request's signed-in user. */
export interface AuthContext {
  user: UserRecord;
  session: SessionRecord;
  token: string;
}

export interface ResolveSessionDeps {
  users: UserStore;
  sessions: SessionStore;
  sessionTtlMs: number;
  now?: () => Date;
}

// Sliding the expiry on every request would write to the database on every request.
const TOUCH_AFTER_MS = 60_000;

/**
 * The signed-in user behind a `Cookie` header, or null: no cookie, a malformed or unknown token,
 * an expired session, or a disabled account (whose sessions are then ended). Used alike by the
 * HTTP middleware and the WebSocket upgrade, so both doors apply the same rules.
 */
export async function resolveSession(cookieHeader: string | undefined, deps: ResolveSessionDeps): Promise<AuthContext | null> {
  const token = readSessionToken(cookieHeader);
  if (token === null || !isWellFormedSessionToken(token)) return null;
  const now = (deps.now ?? (() => new Date()))();
  const session = await deps.sessions.find(token, now);
  if (!session) return null;
  const user = await deps.users.findById(session.userId);
  if (!user || user.disabled) {
    await deps.sessions.deleteForUser(session.userId);
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_AFTER_MS) await deps.sessions.touch(token, now, deps.sessionTtlMs);
  return { user, session, token };
}
