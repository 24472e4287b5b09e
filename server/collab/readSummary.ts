import type * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { normalizeTags } from '../../shared/article/meta.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { summarize } from '../../shared/article/summarize.ts';
import { cleanText } from '../../shared/text/cleanText.ts';
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
  const { headline, wordCount } = summarize(article);
  const { byline, slug, section, tags } = article.meta;
  return {
    headline: cleanText(headline).replace(/\s+/g, ' ').trim(),
    wordCount,
    byline: cleanText(byline),
    slug: cleanText(slug),
    section: cleanText(section),
    tags: normalizeTags(tags.map((tag) => cleanText(tag))),
  };
}
