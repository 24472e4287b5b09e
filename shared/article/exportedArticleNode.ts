import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { plainArticleSchema } from '../editor/schema.ts';
import { withoutSuggestions } from '../editor/suggestions/withoutSuggestions.ts';
import { articleNode } from './articleNode.ts';

/**
 * The validated node of a story as readers get it: every pending suggestion rejected (suggested
 * insertions left out, suggested deletions kept, suggested formatting undone). Exporters and the
 * public site read this. The node belongs to the plain schema, so a suggestion that slipped
 * through cannot reach an export; throws a RangeError like `articleNode` on a document that does not fit.
 */
export function exportedArticleNode(json: JSONContent | null | undefined): PMNode {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return articleNode(json, plainArticleSchema);
  const plain = withoutSuggestions(json);
  // A body made only of suggested blocks is empty once they are left out; the schema needs one block.
  if (Array.isArray(plain.content) && plain.content.length === 2 && (json.content?.length ?? 0) > 2) plain.content = [...plain.content, { type: 'paragraph' }];
  return articleNode(plain, plainArticleSchema);
}
