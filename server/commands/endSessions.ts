import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import type { UserRecord } from '../storage/UserStore.ts';

/**
 * Ends sessions of `user`: all of them, or all but `keep` (an id hash: the asking browser's, for
 * "sign out everywhere else"). The rows go with their audit entry in one transaction; then their
 * sockets close with Unauthorized on every server. Returns how many sessions ended.
 */
export async function endSessions(
  accounts: Pick<Accounts, 'sessions' | 'audit' | 'liveSockets' | 'transact'>,
  input: { actor: UserRecord; user: UserRecord; keep?: string },
): Promise<number> {
  const { sessions, audit, liveSockets, transact } = accounts;
  const at = new Date().toISOString();
  const ended = await transact(async () => {
    const hashes = await sessions.deleteForUser(input.user.id, input.keep);
    if (hashes.length > 0) {
      await audit.append({ articleId: null, actor: input.actor.username, action: 'sessions_ended', subject: input.user.username, to: String(hashes.length), at });
    }
    return hashes;
  });
  if (input.keep === undefined) {
    // Every socket of the account, a session's opened while the rows were deleted included.
    liveSockets.closeUser(input.user.id, CloseCode.Unauthorized, 'signed out everywhere');
  } else {
    for (const hash of ended) liveSockets.closeSession(hash, CloseCode.Unauthorized, 'session ended');
  }
  return ended.length;
}
