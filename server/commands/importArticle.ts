import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleState } from '../../shared/article/articleState.ts';
import { summaryOf } from '../collab/readSummary.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import { newArticleId } from './createArticle.ts';

/**
 * Creates a story whose first state is `article` (an imported document): its row and first
 * snapshot in one transaction, as `createArticle` does for a blank one. Throws RangeError when
 * the document does not fit the article schema.
 */
export async function importArticle(deps: { articleStore: ArticleStore }, article: ArticleJson): Promise<ArticleRecord> {
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
  return record;
}
