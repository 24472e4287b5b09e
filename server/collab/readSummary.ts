import type * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { summarize } from '../../shared/article/summarize.ts';
import { cleanArticle } from '../../shared/text/cleanArticle.ts';
import type { ArticleSummaryUpdate } from '../storage/ArticleStore.ts';

/** What the story's row mirrors from its live document: headline, word count and meta. */
export function readSummary(ydoc: Y.Doc): Omit<ArticleSummaryUpdate, 'updatedAt'> {
  return summaryOf(readArticle(ydoc));
}

/**
 * The row's fields for `article`. Any client may write any text into a document, so control and
 * bidi-override characters (and NUL, which PostgreSQL refuses in text) are stripped here, by the
 * same rule the REST API refuses them with.
 */
export function summaryOf(article: ArticleJson): Omit<ArticleSummaryUpdate, 'updatedAt'> {
  const clean = cleanArticle(article);
  const { headline, wordCount } = summarize(clean);
  return { headline, wordCount, ...clean.meta };
}
