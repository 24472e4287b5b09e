import type { PublicUser } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { isStoryOwner } from '../../../shared/workflow.ts';

/** Why the signed-in user cannot edit the story, for the banner over a read-only editor; null when they can. */
export function readOnlyReason(user: Pick<PublicUser, 'username' | 'role'>, article: Article): string | null {
  if (article.canEdit) return null;
  if (article.spikedAt !== null) return 'Read only: this story is spiked. Restore it to edit it again.';
  if (user.role === 'viewer') return 'Read only: viewers can read stories but not edit them.';
  const story = { createdBy: article.createdBy?.username ?? null, assignees: article.assignees.map((a) => a.username) };
  if (user.role === 'reporter' && !isStoryOwner(user.username, story)) {
    return 'Read only: only the story’s creator and assigned reporters can edit it.';
  }
  if (article.status === 'approved') return 'Read only: approved stories are locked for reporters until an editor reopens them.';
  if (article.status === 'published') return 'Read only: published stories are locked for reporters until an editor reopens them.';
  return 'Read only: you cannot edit this story.';
}
