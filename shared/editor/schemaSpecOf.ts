import type { MarkSpec, NodeSpec, Schema } from '@tiptap/pm/model';

/** A ProseMirror schema's structure as plain data: nodes and marks in their order, no functions. */
export interface SchemaSpecData {
  nodes: Array<[string, NodeSpec]>;
  marks: Array<[string, MarkSpec]>;
  topNode: string;
}

// What only an editor view reads (parsing and rendering HTML, a leaf's text when copied).
const VIEW_ONLY = new Set(['parseDOM', 'toDOM', 'toText']);

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (VIEW_ONLY.has(key) || typeof field === 'function' || field === undefined) continue;
    out[key] = plain(field);
  }
  return out;
}

/**
 * What a schema accepts, without what only an editor view needs (`parseDOM`, `toDOM`, `toText`):
 * `new Schema()` on the result checks documents exactly as `schema` does. The server builds its
 * schemas from this data (shared/editor/schemaSpecs.ts) rather than from the Tiptap extensions.
 */
export function schemaSpecOf(schema: Schema): SchemaSpecData {
  const nodes: SchemaSpecData['nodes'] = [];
  schema.spec.nodes.forEach((name, spec) => nodes.push([name, plain(spec) as NodeSpec]));
  const marks: SchemaSpecData['marks'] = [];
  schema.spec.marks.forEach((name, spec) => marks.push([name, plain(spec) as MarkSpec]));
  return { nodes, marks, topNode: schema.topNodeType.name };
}
