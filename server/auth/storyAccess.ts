import type { ArticleStatus } from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { canEdit, isStoryOwner } from '../../shared/workflow.ts';
import type { StoryPeople } from '../storage/ArticleMembers.ts';

/** How a signed-in user may open a story: every role reads every story; only some write. */
export type StoryAccess = 'write' | 'read';

/**
 * The access a collaboration socket gets; a `read` socket's document updates are dropped by the
 * server. Everyone reads a `spiked` story; nobody writes it until it is restored.
 */
export function storyAccess(user: { username: string; role: Role }, status: ArticleStatus, people: StoryPeople, spiked = false): StoryAccess {
  if (spiked) return 'read';
  return canEdit(user.role, status, { isOwner: isStoryOwner(user.username, people) }) ? 'write' : 'read';
}
