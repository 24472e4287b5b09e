import type { MfaEnrolment, MfaPolicy, MfaRecoveryCodes, MfaStatus } from '../../../shared/mfa.ts';
import type { Role } from '../../../shared/roles.ts';
import { request } from '../api.ts';

/** The signed-in account's two-step sign-in. */
export function getMfaStatus(): Promise<MfaStatus> {
  return request<MfaStatus>('/api/me/mfa');
}

/** Starts an enrolment with the account's password: a new secret for the authenticator app, shown once. */
export function startMfa(password: string): Promise<MfaEnrolment> {
  return request<MfaEnrolment>('/api/me/mfa', { method: 'POST', body: JSON.stringify({ password }) });
}

/** Turns two-step sign-in on with the app's first code; answers the recovery codes, shown once. */
export async function confirmMfa(code: string): Promise<string[]> {
  const body = await request<MfaRecoveryCodes>('/api/me/mfa/confirm', { method: 'POST', body: JSON.stringify({ code }) });
  return body.recoveryCodes;
}

/** Turns two-step sign-in off; `code` is a current code or a recovery code (none for a pending enrolment). */
export async function disableMfa(code?: string): Promise<void> {
  await request<null>('/api/me/mfa', { method: 'DELETE', ...(code === undefined ? {} : { body: JSON.stringify({ code }) }) });
}

/** Admins: the roles that must use two-step sign-in. */
export async function getMfaPolicy(): Promise<Role[]> {
  return (await request<MfaPolicy>('/api/mfa/policy')).requiredRoles;
}

/** Admins: sets the roles that must use two-step sign-in. */
export async function setMfaPolicy(requiredRoles: Role[]): Promise<Role[]> {
  return (await request<MfaPolicy>('/api/mfa/policy', { method: 'PUT', body: JSON.stringify({ requiredRoles }) })).requiredRoles;
}

/** Admins: resets an account's two-step sign-in (a lost phone and lost recovery codes). */
export async function resetUserMfa(username: string): Promise<void> {
  await request<null>(`/api/users/${encodeURIComponent(username)}/mfa`, { method: 'DELETE' });
}
