import * as Y from 'yjs';
import { articleSchema } from '../editor/schema.ts';

/**
 * Which side of a position sticks when text is inserted exactly there: `1` keeps the position
 * before the inserted text (it follows the character after it), `-1` keeps it after (it follows
 * the character before it). A range anchor uses `1` for its start and `-1` for its end, so text
 * typed at either edge stays outside the range and text typed inside it joins it.
 */
export type Stickiness = 1 | -1;

type Child = Y.XmlElement | Y.XmlText;

function isLeaf(element: Y.XmlElement): boolean {
  return articleSchema.nodes[element.nodeName]?.isLeaf ?? false;
}

/** The ProseMirror size of a node held in Yjs: text counts its characters, an element its tags too. */
function pmSize(child: Child): number {
  if (child instanceof Y.XmlText) return child.length;
  if (isLeaf(child)) return 1;
  return 2 + contentSize(child);
}

function contentSize(parent: Y.XmlElement | Y.XmlFragment): number {
  let size = 0;
  for (const child of parent.toArray()) size += pmSize(child as Child);
  return size;
}

/**
 * The Yjs relative position of ProseMirror position `pos` in the document held by `fragment`.
 * Computed from the Yjs tree and the article schema's leaf nodes, so it works without an editor
 * (the server, tests) and agrees with the editor, whose document is built from the same tree.
 * Throws a RangeError when `pos` is outside the document.
 */
export function pmToRelativePosition(fragment: Y.XmlFragment, pos: number, stickiness: Stickiness): Y.RelativePosition {
  const size = contentSize(fragment);
  if (!Number.isInteger(pos) || pos < 0 || pos > size) {
    throw new RangeError(`Position ${pos} is outside the document (0..${size})`);
  }
  return locate(fragment, pos, stickiness);
}

function locate(parent: Y.XmlElement | Y.XmlFragment, pos: number, stickiness: Stickiness): Y.RelativePosition {
  const children = parent.toArray() as Child[];
  let rest = pos;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as Child;
    if (child instanceof Y.XmlText) {
      // At the end of a text, a start prefers what follows; an end stays with the last character.
      if (rest < child.length || (rest === child.length && stickiness < 0)) {
        return Y.createRelativePositionFromTypeIndex(child, rest, stickiness < 0 ? -1 : 0);
      }
      rest -= child.length;
      continue;
    }
    if (rest === 0) return Y.createRelativePositionFromTypeIndex(parent, index, stickiness < 0 ? -1 : 0);
    const size = pmSize(child);
    if (!isLeaf(child) && rest < size) return locate(child, rest - 1, stickiness);
    rest -= size;
  }
  return Y.createRelativePositionFromTypeIndex(parent, children.length, stickiness < 0 ? -1 : 0);
}

function isDeleted(type: Y.AbstractType<unknown>, root: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current && current !== root) {
    if (current._item === null || current._item.deleted) return true;
    current = current.parent;
  }
  return current !== root;
}

function offsetInParent(child: Child): number {
  const parent = child.parent as Y.XmlElement | Y.XmlFragment;
  let offset = 0;
  for (const sibling of parent.toArray() as Child[]) {
    if (sibling === child) return offset;
    offset += pmSize(sibling);
  }
  return offset;
}

/**
 * The ProseMirror position a relative position points at now, or null when it no longer points
 * into the live document held by `fragment` (its block was deleted, or it belongs elsewhere).
 * A position inside deleted text resolves to where that text was.
 */
export function relativeToPmPosition(ydoc: Y.Doc, fragment: Y.XmlFragment, relative: Y.RelativePosition): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
  if (!absolute) return null;
  const type = absolute.type as Y.AbstractType<unknown>;
  if (type !== fragment && isDeleted(type, fragment)) return null;
  let pos: number;
  if (type instanceof Y.XmlText) {
    pos = absolute.index;
  } else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    pos = 0;
    const children = type.toArray() as Child[];
    for (let i = 0; i < absolute.index && i < children.length; i += 1) pos += pmSize(children[i] as Child);
  } else {
    return null;
  }
  let current = type as Child | Y.XmlFragment;
  while (current !== fragment) {
    const child = current as Child;
    pos += offsetInParent(child) + (child instanceof Y.XmlElement ? 1 : 0);
    current = child.parent as Y.XmlElement | Y.XmlFragment;
  }
  return pos;
}
