import type * as Y from 'yjs';
import { readArticle } from '../../shared/article/readArticle.ts';
import { summarize } from '../../shared/article/summarize.ts';
import type { ArticleSummaryUpdate } from '../storage/ArticleStore.ts';

/** What the story's row mirrors from its live document: headline, word count and meta. */
export function readSummary(ydoc: Y.Doc): Omit<ArticleSummaryUpdate, 'updatedAt'> {
  const article = readArticle(ydoc);
  const { headline, wordCount } = summarize(article);
  return { headline, wordCount, ...article.meta };
}
