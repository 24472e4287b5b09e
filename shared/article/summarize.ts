import type { ArticleJson } from './ArticleJson.ts';
import { withoutSuggestions } from '../editor/suggestions/withoutSuggestions.ts';
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
 * Pending suggestions are left out (the text as it stands until someone accepts them).
 */
export function summarize(article: ArticleJson): ArticleSummaryText {
  const doc = withoutSuggestions(article.doc);
  const blocks = Array.isArray(doc.content) ? doc.content : [];
  const find = (type: string) => textOf(blocks.find((block) => block.type === type)).replace(/\s+/g, ' ').trim();
  return {
    headline: find('headline'),
    standfirst: find('standfirst'),
    wordCount: countWords(textOf(doc)),
  };
}
