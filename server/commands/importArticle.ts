import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleState } from '../../shared/article/articleState.ts';
import { summaryOf } from '../collab/readSummary.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { AuthorshipStore } from '../storage/AuthorshipStore.ts';
import { seedAttribution } from '../collab/seedAttribution.ts';
import { searchDocumentOf } from '../search/searchDocumentOf.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import { newArticleId } from './createArticle.ts';

/**
 * Creates a story whose first state is `article` (an imported document): its row and first
 * snapshot in one transaction, as `createArticle` does for a blank one. Throws RangeError when
 * the document does not fit the article schema.
 */
export async function importArticle(
  deps: { articleStore: ArticleStore; searchIndex?: SearchIndex | null; authorship?: AuthorshipStore | null },
  article: ArticleJson,
  by: string | null = null,
): Promise<ArticleRecord> {
  const state = articleState(article);
  const now = new Date().toISOString();
  const record: ArticleRecord = {
    id: newArticleId(),
    status: 'draft',
    ...summaryOf(article),
    createdAt: now,
    updatedAt: now,
  };
  await deps.articleStore.create(record, state);
  await deps.searchIndex?.put(record.id, searchDocumentOf(article));
  // Every word of it is "imported by": joins the caller's transaction, as the row does.
  await deps.authorship?.recordAll([seedAttribution(record.id, state, 'import', by)]);
  return record;
}
