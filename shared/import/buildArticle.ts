import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { slugify } from '../article/slugify.ts';
import { HEADLINE_MAX_LENGTH } from '../api.ts';
import { articleSchema } from '../editor/schema.ts';

/** What an importer found, before it becomes a story. */
export interface ImportedParts {
  headline: string;
  standfirst: string;
  body: JSONContent[];
  byline?: string;
  section?: string;
  tags?: string[];
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textContent(text: string): JSONContent[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

// A headline longer than the API allows is cut at a word; the full line stays in the body.
function fitHeadline(headline: string, body: JSONContent[]): { headline: string; body: JSONContent[] } {
  if (headline.length <= HEADLINE_MAX_LENGTH) return { headline, body };
  const cut = headline.slice(0, HEADLINE_MAX_LENGTH - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return {
    headline: `${atWord || cut}…`,
    body: [{ type: 'paragraph', content: textContent(headline) }, ...body],
  };
}

/**
 * Assembles an imported story: headline and standfirst as plain text, at least one body block,
 * a slug from the headline. Validates the result against the article schema (RangeError if not).
 */
export function buildArticle(parts: ImportedParts): ArticleJson {
  const fitted = fitHeadline(plain(parts.headline), parts.body);
  const body = fitted.body.length > 0 ? fitted.body : [{ type: 'paragraph' }];
  const doc: JSONContent = {
    type: 'doc',
    content: [
      { type: 'headline', content: textContent(fitted.headline) },
      { type: 'standfirst', content: textContent(plain(parts.standfirst)) },
      ...body,
    ],
  };
  PMNode.fromJSON(articleSchema, doc).check();
  return {
    meta: {
      byline: plain(parts.byline ?? ''),
      slug: slugify(fitted.headline),
      section: plain(parts.section ?? ''),
      tags: [...new Set((parts.tags ?? []).map(plain).filter((tag) => tag !== ''))],
    },
    doc,
  };
}
