import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DOC_FIELD } from '../collab/docFields.ts';
import type { ArticleJson } from './ArticleJson.ts';
import { readMeta } from './meta.ts';

/**
 * A story's Y.Doc as plain data. Reads without a schema on purpose: y-prosemirror's schema-aware
 * reader deletes elements that do not fit, and reading must never change the document.
 * Validate the result (`Node.fromJSON(articleSchema, doc)`) before trusting its shape.
 */
export function readArticle(ydoc: Y.Doc): ArticleJson {
  const doc = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOC_FIELD)) as JSONContent;
  return { meta: readMeta(ydoc), doc };
}
