import type { SessionList, SessionSummary, SessionsEnded } from '../../../shared/sessions.ts';
import { request } from '../api.ts';

/** The signed-in user's open sessions, this browser's first. */
export async function listMySessions(): Promise<SessionSummary[]> {
  return (await request<SessionList>('/api/me/sessions')).sessions;
}

/** Ends one of the signed-in user's sessions; its open stories close at once. */
export function endMySession(id: string): Promise<void> {
  return request<void>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Ends every session of the signed-in user but this browser's; resolves with how many ended. */
export async function endMyOtherSessions(): Promise<number> {
  return (await request<SessionsEnded>('/api/me/sessions', { method: 'DELETE' })).ended;
}

/** Ends every session of an account (admins only); resolves with how many ended. */
export async function endUserSessions(username: string): Promise<number> {
  return (await request<SessionsEnded>(`/api/users/${encodeURIComponent(username)}/sessions`, { method: 'DELETE' })).ended;
}
