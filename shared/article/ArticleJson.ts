import type { JSONContent } from '@tiptap/core';
import type { ArticleMeta } from '../collab/docFields.ts';

/** A story as plain data: the `meta` map and the ProseMirror JSON of the `default` fragment. */
export interface ArticleJson {
  meta: ArticleMeta;
  doc: JSONContent;
}
