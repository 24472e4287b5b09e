import type * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleNode } from '../../shared/article/articleNode.ts';
import { setMetaText, setTags } from '../../shared/article/meta.ts';
import { normalizeMeta } from '../../shared/article/normalizeMeta.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import type { UpdateYFragment } from './loadUpdateYFragment.ts';

/**
 * Makes the story's Y.Doc hold `article`, in ONE transaction with `origin`, by the smallest edit
 * y-prosemirror finds: blocks equal on both sides are kept (so concurrent typing inside them
 * survives), changed text is a prefix/suffix diff, meta fields change only where they differ.
 * It is a forward change like any keystroke: nothing of the document's history is rewritten.
 * Throws a RangeError, before touching the document, when `article.doc` does not fit the schema.
 * `updateYFragment` is y-prosemirror's (`loadUpdateYFragment`).
 */
export function writeArticle(ydoc: Y.Doc, article: ArticleJson, origin: unknown, updateYFragment: UpdateYFragment): void {
  const node = articleNode(article.doc);
  const meta = normalizeMeta(article.meta);
  ydoc.transact(() => {
    // The outer transaction carries our origin; y-tiptap's inner transact joins it.
    updateYFragment({ transact: (fn: () => void) => fn() }, ydoc.getXmlFragment(DOC_FIELD), node, {
      mapping: new Map(),
      isOMark: new Map(),
    });
    setMetaText(ydoc, 'byline', meta.byline, origin);
    setMetaText(ydoc, 'slug', meta.slug, origin);
    setMetaText(ydoc, 'section', meta.section, origin);
    setTags(ydoc, meta.tags, origin);
  }, origin);
}
