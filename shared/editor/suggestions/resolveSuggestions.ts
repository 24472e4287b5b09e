import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { SuggestionAttrs } from './suggestionAttributes.ts';

/** Transaction meta key set on accept/reject transactions, so suggestion tracking leaves them alone. */
export const RESOLVE_SUGGESTION_META = 'resolveSuggestion';

/** One pending suggestion: who, when, and the text it inserts and the text it deletes. */
export interface SuggestionSummary extends SuggestionAttrs {
  inserted: string;
  deleted: string;
  /** Document position of its first character. */
  from: number;
}

interface MarkedRange {
  kind: 'insert' | 'delete';
  id: string;
  from: number;
  to: number;
}

const KINDS = { suggestionInsert: 'insert', suggestionDelete: 'delete' } as const;

function markedRanges(doc: PMNode): MarkedRange[] {
  const ranges: MarkedRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = KINDS[mark.type.name as keyof typeof KINDS];
      if (!kind) continue;
      const id = String(mark.attrs.id ?? '');
      // Neighbouring text nodes (split by bold, say) of one suggestion make one range.
      const previous = [...ranges].reverse().find((range) => range.kind === kind && range.id === id && range.to === pos);
      if (previous) previous.to = pos + node.nodeSize;
      else ranges.push({ kind, id, from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  return ranges;
}

/** Every pending suggestion of a document, in document order. */
export function listSuggestions(doc: PMNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = KINDS[mark.type.name as keyof typeof KINDS];
      if (!kind) continue;
      const attrs = mark.attrs as SuggestionAttrs;
      let entry = byId.get(attrs.id);
      if (!entry) {
        entry = { id: attrs.id, authorId: attrs.authorId, authorName: attrs.authorName, color: attrs.color, createdAt: attrs.createdAt, inserted: '', deleted: '', from: pos };
        byId.set(attrs.id, entry);
      }
      if (kind === 'insert') entry.inserted += node.text ?? '';
      else entry.deleted += node.text ?? '';
    }
    return false;
  });
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

function resolve(state: EditorState, accept: boolean, wanted: (id: string) => boolean): Transaction | null {
  const ranges = markedRanges(state.doc).filter((range) => wanted(range.id));
  if (ranges.length === 0) return null;
  const insertType = state.schema.marks.suggestionInsert;
  const deleteType = state.schema.marks.suggestionDelete;
  if (!insertType || !deleteType) return null;
  const tr = state.tr;
  // From the end backwards, so earlier ranges keep their positions.
  for (const range of [...ranges].sort((a, b) => b.from - a.from)) {
    const removesText = (range.kind === 'insert') !== accept;
    const from = tr.mapping.map(range.from);
    const to = tr.mapping.map(range.to);
    if (from >= to) continue;
    if (removesText) tr.delete(from, to);
    else tr.removeMark(from, to, range.kind === 'insert' ? insertType : deleteType);
  }
  return tr.setMeta(RESOLVE_SUGGESTION_META, { accept }).setMeta('addToHistory', true);
}

/**
 * The transaction accepting suggestion `id`: its inserted text stays without the mark, its
 * deleted text goes. Null when the document holds no such suggestion. Text others typed inside
 * the suggestion without suggesting carries no mark, so it is never removed by accepting.
 */
export function acceptSuggestion(state: EditorState, id: string): Transaction | null {
  return resolve(state, true, (candidate) => candidate === id);
}

/** The transaction rejecting suggestion `id`: its inserted text goes, its deleted text stays. */
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
