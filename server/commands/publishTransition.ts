import { ErrorId } from '../../shared/api.ts';
import { canTransition, isStoryOwner } from '../../shared/workflow.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Publishing } from '../publish/openPublishing.ts';
import { publishRefusal } from '../publish/publishRefusal.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { UserRecord } from '../storage/UserStore.ts';
import { TRANSITION_REFUSALS } from './transitionArticle.ts';

/**
 * The workflow's `approved → published` step: the workflow decides who may take it, then the
 * story is published for real (`Publishing.publish` freezes the publication and sets the status
 * in one transaction), never a bare status change. Throws as `transitionArticle` does, or 409
 * `publish_blocked` with the problems.
 */
export async function publishTransition(
  deps: { articleStore: ArticleStore; accounts: Accounts; publishing: Publishing },
  input: { articleId: string; actor: UserRecord; note?: string | undefined },
): Promise<ArticleRecord> {
  const record = await deps.articleStore.get(input.articleId);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(input.articleId)}.`);
  const note = input.note?.trim() || null;
  const relation = { isOwner: isStoryOwner(input.actor.username, await deps.accounts.members.get(record.id)) };
  const check = canTransition(record.status, 'published', input.actor.role, relation, note);
  if (!check.ok) {
    const [status, id] = TRANSITION_REFUSALS[check.reason];
    throw new HttpError(status, id, check.message);
  }
  const result = await deps.publishing.publish({ articleId: record.id, by: input.actor.username, note });
  if (!result.ok) throw publishRefusal(result);
  return (await deps.articleStore.get(record.id)) ?? record;
}
