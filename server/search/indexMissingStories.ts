import * as Y from 'yjs';
import { readArticle } from '../../shared/article/readArticle.ts';
import type { Logger } from '../log.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { DocStore } from '../storage/DocStore.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import { searchDocumentOf } from './searchDocumentOf.ts';
import { readStoredState } from '../storage/readStoredState.ts';

/**
 * Indexes every story the index does not hold yet (stories written before search existed), one at
 * a time from its stored document. Returns how many it indexed; a story that fails is logged and skipped.
 */
export async function indexMissingStories(deps: { articleStore: ArticleStore; docStore: DocStore; searchIndex: SearchIndex; log: Logger }): Promise<number> {
  const indexed = new Set(await deps.searchIndex.indexedIds());
  let count = 0;
  for (const record of await deps.articleStore.list()) {
    if (indexed.has(record.id)) continue;
    const ydoc = new Y.Doc();
    try {
      const state = await readStoredState(deps.docStore, record.id);
      if (state) Y.applyUpdate(ydoc, state);
      await deps.searchIndex.put(record.id, searchDocumentOf(readArticle(ydoc)));
      count++;
    } catch (error) {
      deps.log.warn('indexing a story for search failed', { articleId: record.id, error });
    } finally {
      ydoc.destroy();
    }
  }
  return count;
}
