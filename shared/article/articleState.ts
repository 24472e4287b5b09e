import { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { DOC_FIELD, META_MAP } from '../collab/docFields.ts';
import { fillFragment } from '../collab/fillFragment.ts';
import { articleSchema } from '../editor/schema.ts';
import type { ArticleJson } from './ArticleJson.ts';
import { normalizeAuthors, type BylineAuthor } from './byline.ts';

/**
 * The Yjs update that creates a story holding `article`: fragment `default` as its document and
 * the meta map (byline, slug, section as strings, tags as a Y.Array). The document is checked
 * against the article schema first (RangeError otherwise): only a story that fits is seeded, as
 * `fillFragment` writes whatever node it is given. Only the server calls this, once per story, for the same reason as
 * `initialArticleState`: two seeds of one story would merge into a doubled document.
 */
export function articleState(article: ArticleJson): Uint8Array {
  const doc = PMNode.fromJSON(articleSchema, article.doc);
  doc.check();
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      fillFragment(ydoc.getXmlFragment(DOC_FIELD), doc);
      const meta = ydoc.getMap(META_MAP);
      meta.set('byline', article.meta.byline);
      meta.set('slug', article.meta.slug);
      meta.set('section', article.meta.section);
      const tags = new Y.Array<string>();
      tags.push([...article.meta.tags]);
      meta.set('tags', tags);
      if (article.meta.authors) {
        const authors = new Y.Array<BylineAuthor>();
        authors.push(normalizeAuthors(article.meta.authors));
        meta.set('authors', authors);
      }
    });
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}
