import type { ArticleJson } from './ArticleJson.ts';
import { withoutSuggestions } from '../editor/suggestions/withoutSuggestions.ts';
import { storyWordCount } from './storyWordCount.ts';
import { textOf } from './textOf.ts';

/** What lists and previews show of a story. */
export interface ArticleSummaryText {
  headline: string;
  standfirst: string;
  wordCount: number;
}

/**
 * Headline, standfirst and word count of a story. The word count is the story's one word count,
 * `storyWordCount`: the body copy, captions and READ MORE links excluded. Pending suggestions are
 * left out (the text as it stands until someone accepts them).
 */
export function summarize(article: ArticleJson): ArticleSummaryText {
  const doc = withoutSuggestions(article.doc);
  const blocks = Array.isArray(doc.content) ? doc.content : [];
  const find = (type: string) => textOf(blocks.find((block) => block.type === type)).replace(/\s+/g, ' ').trim();
  return {
    headline: find('headline'),
    standfirst: find('standfirst'),
    wordCount: storyWordCount({ doc }),
  };
}
