import { ErrorId } from '../../shared/api.ts';
import { isEditorial, type Role } from '../../shared/roles.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { UserRecord } from '../storage/UserStore.ts';
import { reviewStoryAccess } from './reviewStoryAccess.ts';

type Deps = { articleStore: ArticleStore; accounts: Accounts; storySockets: StorySockets };

async function findStory(deps: Deps, articleId: string): Promise<ArticleRecord> {
  const record = await deps.articleStore.get(articleId);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(articleId)}.`);
  return record;
}

async function activeUser(deps: Deps, username: string, may: (role: Role) => boolean, what: string): Promise<UserRecord> {
  const user = await deps.accounts.users.findByUsername(username);
  if (!user || user.disabled) throw new HttpError(400, ErrorId.UserNotFound, `No active account is named ${JSON.stringify(username)}.`);
  if (!may(user.role)) throw new HttpError(400, ErrorId.ValidationFailed, `${user.username} is a ${user.role} and cannot be ${what}.`);
  return user;
}

/**
 * Replaces a story's assignees (reporters, or editors writing themselves). Each addition and
 * removal is audited; sockets whose write access changed are closed so they reconnect.
 */
export async function setAssignees(
  deps: Deps,
  input: { articleId: string; actor: UserRecord; usernames: readonly string[] },
): Promise<ArticleRecord> {
  const record = await findStory(deps, input.articleId);
  const { members, audit, transact } = deps.accounts;
  const wanted = new Map<number, UserRecord>();
  for (const name of input.usernames) {
    const user = await activeUser(deps, name, (role) => role !== 'viewer', 'assigned a story');
    wanted.set(user.id, user);
  }
  const before = new Set((await members.get(record.id)).assignees.map((name) => name.toLowerCase()));
  const after = new Set([...wanted.values()].map((user) => user.username.toLowerCase()));
  const at = new Date().toISOString();
  await transact(async () => {
    await members.setAssignees(record.id, [...wanted.keys()]);
    for (const user of wanted.values()) {
      if (!before.has(user.username.toLowerCase())) {
        await audit.append({ articleId: record.id, actor: input.actor.username, action: 'assign', subject: user.username, at });
      }
    }
    for (const name of before) {
      if (!after.has(name)) {
        const subject = (await deps.accounts.users.findByUsername(name))?.username ?? name;
        await audit.append({ articleId: record.id, actor: input.actor.username, action: 'unassign', subject, at });
      }
    }
  });
  await reviewStoryAccess(deps, record.id);
  return record;
}

/** Sets or clears a story's reviewing editor, audited. */
export async function setReviewer(
  deps: Deps,
  input: { articleId: string; actor: UserRecord; username: string | null },
): Promise<ArticleRecord> {
  const record = await findStory(deps, input.articleId);
  const { members, audit, transact } = deps.accounts;
  const reviewer = input.username === null ? null : await activeUser(deps, input.username, isEditorial, 'a story’s reviewer');
  const previous = (await members.get(record.id)).reviewer;
  if (previous?.toLowerCase() === reviewer?.username.toLowerCase()) return record;
  await transact(async () => {
    await members.setReviewer(record.id, reviewer?.id ?? null);
    await audit.append({
      articleId: record.id,
      actor: input.actor.username,
      action: 'set_reviewer',
      subject: reviewer?.username ?? null,
      from: previous,
      to: reviewer?.username ?? null,
      at: new Date().toISOString(),
    });
  });
  return record;
}
