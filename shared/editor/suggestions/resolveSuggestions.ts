import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { MarkJson } from './SuggestionFormat.ts';
import { blockSuggestionOf, DELETE_MARK, FORMAT_MARK, INSERT_MARK, SUGGESTION_MARK_NAMES } from './suggestionMarks.ts';

/** Transaction meta key set on accept/reject transactions, so suggestion tracking leaves them alone. */
export const RESOLVE_SUGGESTION_META = 'resolveSuggestion';

interface Removal {
  from: number;
  to: number;
}

// Body blocks that go with their text: a paragraph whose every word was a rejected insertion
// (a pasted paragraph, say) should not stay behind empty.
const EMPTIED_BLOCKS = new Set(['paragraph', 'heading']);

/** Replaces the removals that empty a top-level paragraph or heading with the removal of the block. */
function withEmptiedBlocks(doc: PMNode, removals: Removal[]): Removal[] {
  const result: Removal[] = [];
  let remainingBlocks = doc.childCount;
  doc.forEach((block, offset) => {
    const start = offset + 1;
    const end = offset + block.nodeSize - 1;
    const inside = removals.filter((removal) => removal.from >= start && removal.to <= end);
    const removed = inside.reduce((sum, removal) => sum + removal.to - removal.from, 0);
    // Fixed slots and the last body block stay, even empty: the schema needs them.
    if (EMPTIED_BLOCKS.has(block.type.name) && block.content.size > 0 && removed === block.content.size && remainingBlocks > 3) {
      result.push({ from: offset, to: offset + block.nodeSize });
      remainingBlocks -= 1;
    } else {
      result.push(...inside);
    }
  });
  // Whole top-level blocks (figures, READ MORE links) sit between blocks, not inside one.
  return result.concat(removals.filter((removal) => doc.resolve(removal.from).depth === 0));
}

/**
 * Builds the accept or reject transaction for the suggestions `wanted` picks. Marks and block
 * attributes change first (positions stay put), then content goes from the end backwards.
 */
function resolve(state: EditorState, accept: boolean, wanted: (id: string) => boolean): Transaction | null {
  const { marks } = state.schema;
  const insertType = marks[INSERT_MARK];
  const deleteType = marks[DELETE_MARK];
  if (!insertType || !deleteType) return null;
  const tr = state.tr;
  const removals: Removal[] = [];
  let touched = false;

  state.doc.descendants((node: PMNode, pos: number) => {
    const block = blockSuggestionOf(node);
    if (block && wanted(block.id)) {
      touched = true;
      if ((block.kind === 'insert') === accept) tr.setNodeAttribute(pos, 'suggestion', null);
      else removals.push({ from: pos, to: pos + node.nodeSize });
    }
    if (!node.isInline) return true;
    const to = pos + node.nodeSize;
    for (const mark of node.marks) {
      if (!SUGGESTION_MARK_NAMES.has(mark.type.name) || !wanted(String(mark.attrs.id ?? ''))) continue;
      touched = true;
      if (mark.type.name === FORMAT_MARK) {
        if (!accept) {
          for (const current of node.marks) if (!SUGGESTION_MARK_NAMES.has(current.type.name)) tr.removeMark(pos, to, current.type);
          for (const json of (mark.attrs.before ?? []) as MarkJson[]) {
            const type = marks[json.type];
            if (type) tr.addMark(pos, to, type.create(json.attrs));
          }
        }
        tr.removeMark(pos, to, mark);
      } else if ((mark.type.name === INSERT_MARK) === accept) {
        tr.removeMark(pos, to, mark);
      } else {
        removals.push({ from: pos, to });
      }
    }
    return false;
  });
  if (!touched) return null;
  for (const removal of withEmptiedBlocks(state.doc, removals).sort((a, b) => b.from - a.from)) {
    const from = tr.mapping.map(removal.from, 1);
    const to = tr.mapping.map(removal.to, -1);
    if (from < to) tr.delete(from, to);
  }
  return tr.setMeta(RESOLVE_SUGGESTION_META, { accept }).setMeta('addToHistory', true);
}

/**
 * The transaction accepting suggestion `id`: its inserted text and blocks stay without the mark,
 * its deleted text and blocks go, its formatting stays. Null when the document holds no such
 * suggestion. Text others typed inside the suggestion without suggesting carries no mark, so it
 * is never removed by accepting.
 */
export function acceptSuggestion(state: EditorState, id: string): Transaction | null {
  return resolve(state, true, (candidate) => candidate === id);
}

/** The transaction rejecting suggestion `id`: its insertions go, its deletions stay, its formatting is undone. */
export function rejectSuggestion(state: EditorState, id: string): Transaction | null {
  return resolve(state, false, (candidate) => candidate === id);
}

/** Accepts every pending suggestion in one transaction. */
export function acceptAllSuggestions(state: EditorState): Transaction | null {
  return resolve(state, true, () => true);
}

/** Rejects every pending suggestion in one transaction. */
export function rejectAllSuggestions(state: EditorState): Transaction | null {
  return resolve(state, false, () => true);
}
