import type { SessionSummary } from '../../shared/sessions.ts';
import { deviceLabel } from '../auth/deviceLabel.ts';
import type { SessionRecord } from '../storage/SessionStore.ts';

/** Hex digits of a session's id hash that name it in the API: enough to tell a user's sessions apart. */
export const PUBLIC_SESSION_ID_LENGTH = 16;

/**
 * The id a session goes by in the API: the start of the SHA-256 of its token, so it reveals
 * nothing of the token, and only ever looked up among one user's own sessions.
 */
export function publicSessionId(session: Pick<SessionRecord, 'idHash'>): string {
  return session.idHash.slice(0, PUBLIC_SESSION_ID_LENGTH);
}

/** The only shape in which a session leaves the server: never its token or full id hash, nor the raw User-Agent. */
export function presentSession(session: SessionRecord, currentIdHash: string): SessionSummary {
  return {
    id: publicSessionId(session),
    device: deviceLabel(session.userAgent),
    address: session.address,
    signedInAt: session.createdAt,
    lastUsedAt: session.lastSeenAt,
    current: session.idHash === currentIdHash,
  };
}
