import type { JSONContent } from '@tiptap/core';
import { withoutSuggestions } from '../editor/suggestions/withoutSuggestions.ts';
import type { ArticleJson } from './ArticleJson.ts';
import { countWords } from './countWords.ts';
import { textOf } from './textOf.ts';

const NOT_COPY = new Set(['headline', 'standfirst', 'figure', 'relatedLink']);

/**
 * THE word count of a story, the one figure every place shows ("Body: 224 words": the editor's
 * toolbar and desk-limits bar, the story list, versions, JSON-LD `wordCount`, ninjs `wordCount`,
 * the text export): the words of the body copy, i.e. every block after the headline and the
 * standfirst (paragraphs, subheadings, lists, quotes), without figure captions and READ MORE
 * links, which are furniture rather than copy, and without pending suggestions (the text as it
 * stands until someone accepts them). Words as `countWords` counts them. Reads the JSON without
 * validating it, so it can run on every keystroke.
 */
export function storyWordCount(article: Pick<ArticleJson, 'doc'>): number {
  const doc = withoutSuggestions(article.doc ?? {});
  const blocks: JSONContent[] = Array.isArray(doc.content) ? doc.content : [];
  let words = 0;
  const visit = (node: JSONContent): void => {
    if (NOT_COPY.has(node.type ?? '')) return;
    const children = Array.isArray(node.content) ? node.content : [];
    if (children.length === 0 || children.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
      words += countWords(textOf(node));
      return;
    }
    children.forEach(visit);
  };
  blocks.forEach(visit);
  return words;
}

/** The label of a word count wherever it is shown: "Body: 1 word", "Body: 1,234 words". */
export function wordCountLabel(words: number): string {
  return `Body: ${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'}`;
}
