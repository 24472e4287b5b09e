import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleState } from '../../shared/article/articleState.ts';
import { summarize } from '../../shared/article/summarize.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import { newArticleId } from './createArticle.ts';

/**
 * Creates a story whose first state is `article` (an imported document): its row and first
 * snapshot in one transaction, as `createArticle` does for a blank one. Throws RangeError when
 * the document does not fit the article schema.
 */
export async function importArticle(deps: { articleStore: ArticleStore }, article: ArticleJson): Promise<ArticleRecord> {
  const state = articleState(article);
  const { headline, wordCount } = summarize(article);
  const now = new Date().toISOString();
  const record: ArticleRecord = {
    id: newArticleId(),
    status: 'draft',
    headline,
    wordCount,
    ...article.meta,
    tags: [...article.meta.tags],
    createdAt: now,
    updatedAt: now,
  };
  await deps.articleStore.create(record, state);
  return record;
}
