import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { textOf } from '../../shared/article/textOf.ts';
import { withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import { cleanArticle } from '../../shared/text/cleanArticle.ts';
import type { SearchDocument } from './SearchDocument.ts';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function figuresIn(node: JSONContent, found: JSONContent[]): JSONContent[] {
  if (node.type === 'figure') found.push(node);
  else if (Array.isArray(node.content)) for (const child of node.content) figuresIn(child, found);
  return found;
}

/**
 * What search indexes of `article`: headline, standfirst, body (every other block), figure
 * captions and the meta fields, as the story reads without its pending suggestions, cleaned by
 * the text rule as the story's row is.
 */
export function searchDocumentOf(article: ArticleJson): SearchDocument {
  const clean = cleanArticle(article);
  const doc = withoutSuggestions(clean.doc);
  const blocks = Array.isArray(doc.content) ? doc.content : [];
  const block = (type: string) => oneLine(textOf(blocks.find((candidate) => candidate.type === type)));
  const body = blocks.filter((candidate) => !['headline', 'standfirst', 'figure'].includes(candidate.type ?? ''));
  return {
    headline: block('headline'),
    standfirst: block('standfirst'),
    body: body.map(textOf).join('\n').trim(),
    captions: figuresIn(doc, [])
      .map((figure) => oneLine(textOf(figure)))
      .filter((caption) => caption !== '')
      .join('\n'),
    byline: clean.meta.byline,
    slug: clean.meta.slug,
    section: clean.meta.section,
    tags: clean.meta.tags,
  };
}
