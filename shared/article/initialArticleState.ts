import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOC_FIELD, META_MAP } from '../collab/docFields.ts';
import { articleSchema } from '../editor/schema.ts';
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
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    prosemirrorJSONToYXmlFragment(articleSchema, initialArticleDoc(headline), ydoc.getXmlFragment(DOC_FIELD));
    const meta = ydoc.getMap(META_MAP);
    meta.set('byline', '');
    meta.set('slug', slugify(headline));
    meta.set('section', '');
    meta.set('tags', new Y.Array<string>());
  });
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}
