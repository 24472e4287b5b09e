import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { publicSessionId } from '../presenters/presentSession.ts';
import type { UserRecord } from '../storage/UserStore.ts';

/**
 * A user ends one of their own sessions, named by its public id (presentSession): the row goes
 * with its audit entry in one transaction, then its sockets close with Unauthorized on every
 * server. Resolves with the ended session's id hash, or null when the user has no live session of
 * that id (another user's session is never found).
 */
export async function endSession(
  accounts: Pick<Accounts, 'sessions' | 'audit' | 'liveSockets' | 'transact'>,
  input: { user: UserRecord; id: string; now: Date },
): Promise<string | null> {
  const { sessions, audit, liveSockets, transact } = accounts;
  const session = (await sessions.listForUser(input.user.id, input.now)).find((s) => publicSessionId(s) === input.id);
  if (!session) return null;
  const at = input.now.toISOString();
  const ended = await transact(async () => {
    if (!(await sessions.deleteByHash(input.user.id, session.idHash))) return false;
    await audit.append({ articleId: null, actor: input.user.username, action: 'sessions_ended', subject: input.user.username, to: '1', at });
    return true;
  });
  if (!ended) return null;
  liveSockets.closeSession(session.idHash, CloseCode.Unauthorized, 'session ended');
  return session.idHash;
}
