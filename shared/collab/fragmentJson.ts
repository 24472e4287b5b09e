import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';

// y-prosemirror stores a mark that may appear twice on one text (it does not exclude itself) under
// `name--<8-character hash>`; the hash only keeps the two apart.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark name of a Y.XmlText format attribute, as y-prosemirror reads it. */
export function markNameOf(attribute: string): string {
  return HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute;
}

type Delta = Array<{ insert: unknown; attributes?: Record<string, unknown> }>;

function textNodes(text: Y.XmlText): JSONContent[] {
  return (text.toDelta() as Delta).map((op) => {
    const node: JSONContent = { type: 'text', text: op.insert as string };
    if (op.attributes) {
      node.marks = Object.keys(op.attributes).map((key) => ({ type: markNameOf(key), attrs: op.attributes![key] as Record<string, unknown> }));
    }
    return node;
  });
}

function elementJson(element: Y.XmlElement): JSONContent {
  const json: JSONContent = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) json.attrs = attrs;
  const children = element.toArray();
  if (children.length) json.content = children.flatMap(childJson);
  return json;
}

function childJson(child: unknown): JSONContent | JSONContent[] {
  if (child instanceof Y.XmlText) return textNodes(child);
  if (child instanceof Y.XmlElement) return elementJson(child);
  throw new TypeError('A story fragment may only hold Y.XmlElement and Y.XmlText');
}

/**
 * A Y.XmlFragment as ProseMirror JSON, read without a schema, node for node what y-prosemirror's
 * `yXmlFragmentToProsemirrorJSON` returns (the server reads stories without loading the editor
 * binding): element name and attributes, a text's delta as text nodes with its format attributes
 * as marks. Reading never changes the document, even where it does not fit the schema.
 */
export function fragmentJson(fragment: Y.XmlFragment): JSONContent {
  // Top-level text (which no story should hold) reads as y-prosemirror reads it: one array entry.
  return { type: 'doc', content: fragment.toArray().map(childJson) as JSONContent[] };
}
