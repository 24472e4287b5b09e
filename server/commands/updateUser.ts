import type { UpdateUserBody } from '../../shared/accounts.ts';
import { ErrorId } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { hashPassword, type ScryptParams } from '../auth/password.ts';
import { HttpError } from '../http/HttpError.ts';
import type { AuditAction } from '../storage/AuditLog.ts';
import type { UserChanges, UserRecord } from '../storage/UserStore.ts';

/** What changed, for the caller: whether the acting admin's own sessions were ended. */
export interface UpdateUserResult {
  user: UserRecord;
  /** The acting admin changed their own password (and is still enabled), so lost their sessions too. */
  signedOutSelf: boolean;
}

/**
 * An admin changes an account: display name, role, password, disabled flag. Each change is
 * audited. Disabling or a new password ends the account's sessions and closes its sockets
 * (Unauthorized); a role change closes its sockets with AccessChanged so they reconnect with the
 * new rights. The last active admin cannot be disabled or demoted.
 */
export async function updateUser(
  deps: { accounts: Accounts; scryptParams: ScryptParams },
  input: { actor: UserRecord; username: string; changes: UpdateUserBody },
): Promise<UpdateUserResult> {
  const { users, sessions, audit, liveSockets, transact } = deps.accounts;
  const { changes } = input;
  // Hash before reading the account, so the checks below see the state the write will replace.
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password, deps.scryptParams);
  const target = await users.findByUsername(input.username);
  if (!target) throw new HttpError(404, ErrorId.UserNotFound, `No account is named ${JSON.stringify(input.username)}.`);

  const losesAdmin =
    target.role === 'admin' && !target.disabled && ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
  if (losesAdmin && (await users.list()).filter((u) => u.role === 'admin' && !u.disabled).length <= 1) {
    throw new HttpError(409, ErrorId.LastAdmin, 'This is the last active admin: make another admin first.');
  }

  const update: UserChanges = {};
  const entries: Array<{ action: AuditAction; from?: string; to?: string }> = [];
  if (changes.displayName !== undefined && changes.displayName !== target.displayName) {
    update.displayName = changes.displayName;
    entries.push({ action: 'display_name_change', from: target.displayName, to: changes.displayName });
  }
  if (changes.role !== undefined && changes.role !== target.role) {
    update.role = changes.role;
    entries.push({ action: 'role_change', from: target.role, to: changes.role });
  }
  if (passwordHash !== undefined) {
    update.passwordHash = passwordHash;
    entries.push({ action: 'password_change' });
  }
  if (changes.disabled !== undefined && changes.disabled !== target.disabled) {
    update.disabled = changes.disabled;
    entries.push({ action: changes.disabled ? 'user_disabled' : 'user_enabled' });
  }
  if (entries.length === 0) return { user: target, signedOutSelf: false };

  const at = new Date().toISOString();
  const updated = await transact(async () => {
    const user = (await users.update(target.username, update, at))!;
    for (const entry of entries) await audit.append({ articleId: null, actor: input.actor.username, subject: target.username, at, ...entry });
    return user;
  });

  const endsSessions = update.passwordHash !== undefined || update.disabled === true;
  if (endsSessions) {
    await sessions.deleteForUser(target.id);
    liveSockets.closeUser(target.id, CloseCode.Unauthorized, update.disabled ? 'account disabled' : 'password changed');
  } else if (update.role !== undefined || update.displayName !== undefined) {
    // A new role changes what the sockets may do; a new name changes what their cursors say.
    liveSockets.closeUser(target.id, CloseCode.AccessChanged, 'account changed');
  }
  return { user: updated, signedOutSelf: endsSessions && !updated.disabled && target.id === input.actor.id };
}
