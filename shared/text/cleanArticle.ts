import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { normalizeAuthors } from '../article/byline.ts';
import { normalizeTags } from '../article/meta.ts';
import { cleanText } from './cleanText.ts';

function cleanAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).map(([key, value]) => [key, typeof value === 'string' ? cleanText(value, 'text') : value]));
}

function cleanNode(node: JSONContent): JSONContent {
  const cleaned: JSONContent = { ...node };
  if (typeof node.text === 'string') cleaned.text = cleanText(node.text, 'text');
  if (node.attrs) cleaned.attrs = cleanAttrs(node.attrs);
  if (node.marks) cleaned.marks = node.marks.map((mark) => (mark.attrs ? { ...mark, attrs: cleanAttrs(mark.attrs) } : mark));
  if (node.content) cleaned.content = node.content.map(cleanNode);
  return cleaned;
}

/**
 * `article` with the characters the text rule refuses (shared/text/cleanText.ts) stripped from
 * every text, attribute and meta field: what leaves the editor for good (a publication, its page,
 * its ninjs) holds no control or bidi-override character, and PostgreSQL, which refuses U+0000 in
 * text, stores it. One-line meta fields lose tabs and line breaks too. Pure: `article` is untouched.
 */
export function cleanArticle(article: ArticleJson): ArticleJson {
  const { byline, slug, section, tags, authors } = article.meta;
  return {
    meta: {
      byline: cleanText(byline),
      slug: cleanText(slug),
      section: cleanText(section),
      tags: normalizeTags(tags.map((tag) => cleanText(tag))),
      ...(authors ? { authors: normalizeAuthors(authors.map((a) => ({ ...a, name: cleanText(a.name) }))) } : {}),
    },
    doc: cleanNode(article.doc),
  };
}
