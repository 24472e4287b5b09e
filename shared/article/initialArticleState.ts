import type { JSONContent } from '@tiptap/core';
import { articleState } from './articleState.ts';
import { slugify } from './slugify.ts';

/** The first document of a new story: the headline, an empty standfirst, one empty paragraph. */
export function initialArticleDoc(headline: string): JSONContent {
  const text = headline.replace(/\s+/g, ' ').trim();
  return {
    type: 'doc',
    content: [
      { type: 'headline', content: text ? [{ type: 'text', text }] : [] },
      { type: 'standfirst' },
      { type: 'paragraph' },
    ],
  };
}

/**
 * The Yjs update that creates a story: fragment `default` as `initialArticleDoc(headline)` and the
 * meta map (empty byline and section, slug from the headline, an empty tags Y.Array).
 * Only the server calls this, once per story: two browsers seeding the same story would each
 * insert their own copy and the merged document would hold both.
 */
export function initialArticleState(headline: string): Uint8Array {
  return articleState({ meta: { byline: '', slug: slugify(headline), section: '', tags: [] }, doc: initialArticleDoc(headline) });
}
