import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';

/** Index of the first body block: the headline and the standfirst come before it. */
export const FIRST_BODY_INDEX = 2;

/**
 * Inserts a body block where the cursor is: it replaces the current block when that is an empty
 * paragraph, otherwise it goes after the current top-level block (or at the top of the body when
 * the cursor is in the headline or standfirst). A paragraph follows a block that would otherwise
 * end the story, so there is always somewhere to keep typing. Returns the inserted block's position.
 */
export function insertBlock(tr: Transaction, block: PMNode): number {
  const { doc } = tr;
  const $from = tr.selection.$from;
  const index = $from.depth > 0 ? $from.index(0) : Math.min($from.index(0), doc.childCount - 1);
  let pos: number;
  if (index < FIRST_BODY_INDEX) {
    pos = positionOfChild(doc, FIRST_BODY_INDEX);
    tr.insert(pos, block);
  } else {
    const current = doc.child(index);
    pos = positionOfChild(doc, index);
    if (current.type.name === 'paragraph' && current.content.size === 0) {
      tr.replaceWith(pos, pos + current.nodeSize, block);
    } else {
      pos += current.nodeSize;
      tr.insert(pos, block);
    }
  }
  const after = pos + block.nodeSize;
  const paragraph = tr.doc.type.schema.nodes.paragraph;
  if (after === tr.doc.content.size && paragraph) tr.insert(after, paragraph.create());
  return pos;
}

/** Puts the cursor at `pos` (or the nearest text position) inside `tr.doc`. */
export function placeCursor(tr: Transaction, pos: number): void {
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size))));
}

function positionOfChild(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index && i < doc.childCount; i += 1) pos += doc.child(i).nodeSize;
  return pos;
}
