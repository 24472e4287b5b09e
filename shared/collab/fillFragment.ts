import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';

function textType(nodes: readonly PMNode[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(
    nodes.map((node) => {
      const attributes: Record<string, unknown> = {};
      for (const mark of node.marks) {
        // y-prosemirror names a mark that may overlap itself `name--<hash>`; the article schema has none.
        if (!mark.type.excludes(mark.type)) throw new RangeError(`Mark ${mark.type.name} may overlap itself, which stories do not support`);
        attributes[mark.type.name] = mark.attrs;
      }
      return { insert: node.text, attributes };
    }),
  );
  return text;
}

function elementType(node: PMNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type.name);
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value !== null && key !== 'ychange') element.setAttribute(key, value as string);
  }
  element.insert(0, childTypes(node));
  return element;
}

// Runs of text nodes become one Y.XmlText, every other node an element.
function childTypes(node: PMNode): Array<Y.XmlElement | Y.XmlText> {
  const types: Array<Y.XmlElement | Y.XmlText> = [];
  let run: PMNode[] = [];
  node.forEach((child) => {
    if (child.isText) {
      run.push(child);
      return;
    }
    if (run.length) types.push(textType(run));
    run = [];
    types.push(elementType(child));
  });
  if (run.length) types.push(textType(run));
  return types;
}

/**
 * Writes `doc`'s content into the empty `fragment`, type for type what y-prosemirror's
 * `prosemirrorToYXmlFragment` writes (element per node with its non-null attributes, one
 * Y.XmlText per run of text with marks as format attributes), without loading the editor binding.
 * For a new story only: it appends and diffs nothing.
 */
export function fillFragment(fragment: Y.XmlFragment, doc: PMNode): void {
  fragment.insert(fragment.length, childTypes(doc));
}
