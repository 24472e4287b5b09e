import type { ArticleJson } from './ArticleJson.ts';
import { countWords } from './countWords.ts';
import { textOf } from './textOf.ts';

/** What lists and previews show of a story. */
export interface ArticleSummaryText {
  headline: string;
  standfirst: string;
  wordCount: number;
}

/**
 * Headline, standfirst and word count of a story. The word count covers everything a reader
 * reads: headline, standfirst, body, captions and READ MORE labels; the editor shows the same figure.
 */
export function summarize(article: ArticleJson): ArticleSummaryText {
  const blocks = Array.isArray(article.doc.content) ? article.doc.content : [];
  const find = (type: string) => textOf(blocks.find((block) => block.type === type)).replace(/\s+/g, ' ').trim();
  return {
    headline: find('headline'),
    standfirst: find('standfirst'),
    wordCount: countWords(textOf(article.doc)),
  };
}
