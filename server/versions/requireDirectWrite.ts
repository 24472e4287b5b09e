import { ErrorId } from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { isEditorial } from '../../shared/roles.ts';
import { storyAccess } from '../auth/storyAccess.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';

/**
 * Refuses a direct change of the story's text made through the API (restoring a version or one
 * block of one) unless `user` may write it as an editor does: write access (403 `forbidden`: a
 * viewer, a reporter on someone else's story, a spiked story), and while the story is in review
 * with suggesting required, an editor's or admin's role (403 `suggesting_required`), the same rule
 * the collaboration server applies to a socket's changes.
 */
export async function requireDirectWrite(
  members: Pick<ArticleMembers, 'get'>,
  user: { username: string; role: Role },
  record: Pick<ArticleRecord, 'id' | 'status' | 'requireSuggestions' | 'spikedAt'>,
): Promise<void> {
  if (storyAccess(user, record.status, await members.get(record.id), (record.spikedAt ?? null) !== null) !== 'write') {
    throw new HttpError(403, ErrorId.Forbidden, 'You may not change this story.');
  }
  if (record.status === 'in_review' && (record.requireSuggestions ?? false) && !isEditorial(user.role)) {
    throw new HttpError(403, ErrorId.SuggestingRequired, 'While the story is in review, your changes must be suggestions: ask an editor to restore it.');
  }
}
