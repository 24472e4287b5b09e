import type { JSONContent } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import { articleSchema } from '../editor/schema.ts';

/**
 * The validated ProseMirror node of a story's JSON. Throws a RangeError naming the problem when the
 * JSON is not a story document: unknown node or mark, bad attributes, or content that does not fit
 * (`Node.fromJSON` alone builds nodes without checking their content, hence the `check()`).
 * `schema` defaults to the editing schema; exports pass the plain one (no suggestions).
 */
export function articleNode(json: JSONContent | null | undefined, schema: Schema = articleSchema): PMNode {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new RangeError('Article document must be a ProseMirror JSON object');
  }
  if (json.type !== schema.topNodeType.name) {
    throw new RangeError(`Article document must have type "${schema.topNodeType.name}", got ${JSON.stringify(json.type)}`);
  }
  let node: PMNode;
  try {
    node = PMNode.fromJSON(schema, json);
    node.check();
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RangeError(`Invalid article document: ${error instanceof Error ? error.message : String(error)}`);
  }
  return node;
}
