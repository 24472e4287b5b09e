import type * as Y from 'yjs';
import { DOC_FIELD } from '../collab/docFields.ts';
import { fragmentJson } from '../collab/fragmentJson.ts';
import type { ArticleJson } from './ArticleJson.ts';
import { readMeta } from './meta.ts';

/**
 * A story's Y.Doc as plain data. Reads without a schema on purpose (`fragmentJson`): y-prosemirror's
 * schema-aware reader deletes elements that do not fit, and reading must never change the document.
 * Validate the result (`Node.fromJSON(articleSchema, doc)`) before trusting its shape.
 */
export function readArticle(ydoc: Y.Doc): ArticleJson {
  const doc = fragmentJson(ydoc.getXmlFragment(DOC_FIELD));
  return { meta: readMeta(ydoc), doc };
}
