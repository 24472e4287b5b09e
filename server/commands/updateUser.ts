import type { UpdateUserBody } from '../../shared/accounts.ts';
import { ErrorId } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { assertStrongPassword } from '../auth/assertStrongPassword.ts';
import { hashPassword, type ScryptParams } from '../auth/password.ts';
import { HttpError } from '../http/HttpError.ts';
import type { AuditAction } from '../storage/AuditLog.ts';
import type { UserChanges, UserRecord } from '../storage/UserStore.ts';

/** The account as it is after the change. */
export interface UpdateUserResult {
  user: UserRecord;
}

/**
 * An admin changes an account: display name, role, password, disabled flag. Each change is
 * audited. Disabling or a new password ends the account's sessions and closes their sockets
 * (Unauthorized), in the same transaction as the change; an admin who changes their own password
 * keeps `keepSession` (the id hash of the session they did it from). A role change closes the
 * sockets left open with AccessChanged so they reconnect with the new rights. The last active
 * admin cannot be disabled or demoted.
 */
export async function updateUser(
  deps: { accounts: Accounts; scryptParams: ScryptParams },
  input: { actor: UserRecord; username: string; changes: UpdateUserBody; keepSession?: string },
): Promise<UpdateUserResult> {
  const { users, sessions, audit, liveSockets, transact } = deps.accounts;
  const { changes } = input;
  // Hash before reading the account, so the checks below see the state the write will replace.
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password, deps.scryptParams);
  const target = await users.findByUsername(input.username);
  if (!target) throw new HttpError(404, ErrorId.UserNotFound, `No account is named ${JSON.stringify(input.username)}.`);
  if (changes.password !== undefined) {
    await assertStrongPassword(changes.password, { username: target.username, displayName: changes.displayName ?? target.displayName });
  }

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
  if (entries.length === 0) return { user: target };

  const endsSessions = update.passwordHash !== undefined || update.disabled === true;
  const keep = endsSessions && update.disabled !== true && target.id === input.actor.id ? input.keepSession : undefined;
  const at = new Date().toISOString();
  const { user: updated, ended } = await transact(async () => {
    const user = (await users.update(target.username, update, at))!;
    for (const entry of entries) await audit.append({ articleId: null, actor: input.actor.username, subject: target.username, at, ...entry });
    return { user, ended: endsSessions ? await sessions.deleteForUser(target.id, keep) : [] };
  });

  const reason = update.disabled ? 'account disabled' : 'password changed';
  if (endsSessions && keep === undefined) {
    liveSockets.closeUser(target.id, CloseCode.Unauthorized, reason);
    return { user: updated };
  }
  for (const hash of ended) liveSockets.closeSession(hash, CloseCode.Unauthorized, reason);
  if (update.role !== undefined || update.displayName !== undefined) {
    // A new role changes what the sockets may do; a new name changes what their cursors say.
    if (keep === undefined) liveSockets.closeUser(target.id, CloseCode.AccessChanged, 'account changed');
    else liveSockets.closeSession(keep, CloseCode.AccessChanged, 'account changed');
  }
  return { user: updated };
}
