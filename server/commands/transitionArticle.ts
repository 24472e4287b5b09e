import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { ArticleStatus } from '../../shared/api.ts';
import { ErrorId } from '../../shared/api.ts';
import { canTransition, isStoryOwner } from '../../shared/workflow.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { UserRecord } from '../storage/UserStore.ts';
import { reviewStoryAccess } from './reviewStoryAccess.ts';

/** The HTTP status and error id of each workflow refusal. */
export const TRANSITION_REFUSALS = {
  not_allowed_from_status: [409, ErrorId.TransitionNotAllowed],
  role_forbidden: [403, ErrorId.Forbidden],
  not_owner: [403, ErrorId.Forbidden],
  note_required: [400, ErrorId.ValidationFailed],
  note_too_long: [400, ErrorId.ValidationFailed],
} as const;

/**
 * Moves a story along the workflow (shared/workflow.ts decides), writing the new status and its
 * audit row in one transaction, then closes the sockets whose write access the new status changed.
 * Throws 404, 409 (not from this status), 403 (role or ownership) or 400 (note).
 */
export async function transitionArticle(
  deps: { articleStore: ArticleStore; accounts: Accounts; storySockets: StorySockets; registry?: Pick<DocumentRegistry, 'refreshRules'> },
  input: { articleId: string; actor: UserRecord; to: ArticleStatus; note?: string | undefined },
): Promise<ArticleRecord> {
  const { members, audit, transact } = deps.accounts;
  const note = input.note?.trim() || null;
  const updated = await transact(async () => {
    // Read inside the transaction: two editors approving at once must not both move from in_review.
    const record = await deps.articleStore.get(input.articleId);
    if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(input.articleId)}.`);
    const relation = { isOwner: isStoryOwner(input.actor.username, await members.get(record.id)) };
    const check = canTransition(record.status, input.to, input.actor.role, relation, note);
    if (!check.ok) {
      const [status, id] = TRANSITION_REFUSALS[check.reason];
      throw new HttpError(status, id, check.message);
    }
    const at = new Date().toISOString();
    await deps.articleStore.setStatus(record.id, input.to, at);
    await audit.append({ articleId: record.id, actor: input.actor.username, action: 'transition', from: record.status, to: input.to, note, at });
    return { ...record, status: input.to, updatedAt: at };
  });
  await deps.registry?.refreshRules(updated.id);
  await reviewStoryAccess(deps, updated.id);
  return updated;
}
