import type { Accounts } from '../accounts/Accounts.ts';
import type { AccessNoticeBus } from '../auth/AccessNotice.ts';
import { storyAccess } from '../auth/storyAccess.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';

/**
 * After a story's status or people changed: closes (AccessChanged) the sockets whose access is
 * no longer what they were opened with, so their clients reconnect read-only or writable. With
 * `notices`, the other servers are told to review theirs (they call this without it).
 */
export async function reviewStoryAccess(
  deps: { articleStore: ArticleStore; accounts: Pick<Accounts, 'members'>; storySockets: StorySockets; notices?: AccessNoticeBus | null },
  articleId: string,
): Promise<number> {
  deps.notices?.publish({ kind: 'story', articleId });
  const record = await deps.articleStore.get(articleId);
  if (!record) return 0;
  const people = await deps.accounts.members.get(articleId);
  return deps.storySockets.reviewAccess(articleId, (user) => storyAccess(user, record.status, people, (record.spikedAt ?? null) !== null));
}
