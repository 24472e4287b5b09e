import type { Role } from '../../../shared/roles.ts';
import type { MfaStore } from '../../storage/MfaStore.ts';

/**
 * Whether the account must enrol in two-step sign-in before doing anything else: its role is one
 * an admin requires it for, and its own factor is not on. Read afresh on every request, so a new
 * requirement limits sessions already open, and enrolling lifts the limit at once.
 */
export async function needsEnrolment(mfa: MfaStore, user: { id: number; role: Role }): Promise<boolean> {
  const required = await mfa.requiredRoles();
  if (!required.includes(user.role)) return false;
  return !(await mfa.find(user.id))?.enabled;
}
