import { ErrorId } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Role } from '../../shared/roles.ts';
import { canDeleteForGood } from '../../shared/spiking.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Publishing } from '../publish/openPublishing.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import type { StoryEraser } from '../storage/StoryEraser.ts';

/** What deleting a story for good needs. */
export interface DeleteStoryDeps {
  articleStore: ArticleStore;
  eraser: StoryEraser;
  /** Forgets the story's text with the rest of it (none: no index). */
  searchIndex?: Pick<SearchIndex, 'remove'> | null;
  accounts: Pick<Accounts, 'audit' | 'transact'>;
  registry: Pick<DocumentRegistry, 'evict'>;
  storySockets: StorySockets;
  publishing: Pick<Publishing, 'scheduler' | 'clock'>;
}

/**
 * Deletes a spiked story for good (admins only): its row, document, comments, versions, people,
 * schedule, authorship, search entry and log go in one transaction with the `delete` entry that
 * records it, which is all that stays of its log; its publications stay as the public record. Open
 * sockets, here and on the other servers, close with StoryDeleted. 409 `story_not_spiked` unless it
 * is spiked.
 */
export async function deleteStory(deps: DeleteStoryDeps, articleId: string, actor: { username: string; role: Role }): Promise<void> {
  if (!canDeleteForGood(actor.role)) throw new HttpError(403, ErrorId.Forbidden, 'Only an administrator can delete a story for good.');
  const record = await deps.articleStore.get(articleId);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(articleId)}.`);
  if ((record.spikedAt ?? null) === null) throw new HttpError(409, ErrorId.StoryNotSpiked, 'Only a spiked story can be deleted: spike it first.');
  const at = deps.publishing.clock.now().toISOString();
  const erased = await deps.accounts.transact(async () => {
    if (!(await deps.eraser.erase(articleId, at))) return false;
    await deps.searchIndex?.remove(articleId);
    await deps.accounts.audit.append({ articleId, actor: actor.username, action: 'delete', note: record.headline, at });
    return true;
  });
  if (!erased) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(articleId)}.`);
  deps.registry.evict(articleId, CloseCode.StoryDeleted, 'story deleted');
  deps.storySockets.closeAll(articleId, CloseCode.StoryDeleted, 'story deleted');
  deps.publishing.scheduler.reschedule();
}
