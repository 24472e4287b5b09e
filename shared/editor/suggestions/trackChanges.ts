import { Fragment, Slice, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { BLOCK_SUGGESTION_TYPES } from './BlockSuggestion.ts';
import { newSuggestionAttrs, type BlockSuggestionAttrs, type SuggestionAttrs, type SuggestionAuthor } from './suggestionAttributes.ts';
import {
  blockSuggestionOf,
  DELETE_MARK,
  FORMAT_MARK,
  INSERT_MARK,
  isOwnInsertion,
  markOf,
  SUGGESTION_MARK_NAMES,
  suggestionAttrsOfMark,
} from './suggestionMarks.ts';

/** Who is suggesting, the clock, and where new suggestion ids come from. */
export interface TrackContext {
  author: SuggestionAuthor;
  now: Date;
  newId: () => string;
}

interface StepRecord {
  step: Step;
  before: PMNode;
  tracked: boolean;
}

/** One ReplaceStep of the user's, in final-document positions. */
interface Replacement {
  insertFrom: number;
  insertTo: number;
  /** Where the deleted content goes back, or null when the step deleted nothing still placeable. */
  deleteAt: number | null;
  deleted: Slice;
  /** The step's deleted range in the document before the user's transactions, when it was the only one. */
  oldFrom: number;
  oldTo: number;
}

/** A stretch of text whose formatting the user changed, with the marks it had before. */
interface FormatSegment {
  from: number;
  to: number;
  before: readonly Mark[];
  /** Index of the step that changed it: one step (one Bold press) is one suggestion. */
  step: number;
}

function recordsOf(transactions: readonly Transaction[], isTracked: (tr: Transaction) => boolean): StepRecord[] {
  return transactions.flatMap((tr) => {
    const tracked = isTracked(tr);
    return tr.steps.map((step, index) => ({ step, before: tr.docs[index]!, tracked }));
  });
}

function ownSuggestionNear(doc: PMNode, pos: number, authorId: string, sides: readonly (-1 | 1)[]): SuggestionAttrs | null {
  const $pos = doc.resolve(pos);
  for (const side of sides) {
    const node = side < 0 ? $pos.nodeBefore : $pos.nodeAfter;
    for (const name of [INSERT_MARK, DELETE_MARK]) {
      const mark = markOf(node, name);
      if (mark && mark.attrs.authorId === authorId) return suggestionAttrsOfMark(mark);
    }
  }
  return null;
}

function hasPlaceableContent(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (node.isInline || node.isLeaf || blockSuggestionOf(node)) found = true;
    return !found;
  });
  return found;
}

/**
 * The deleted content as it goes back into the document: text and inline leaves marked deleted,
 * whole figures/READ MORE links/rules given a `delete` block suggestion, and the author's own
 * pending insertions left out (deleting your own suggestion really removes it).
 */
function markDeleted(fragment: Fragment, openStart: number, openEnd: number, attrs: SuggestionAttrs, authorId: string): Fragment {
  const children: PMNode[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const whole = !(index === 0 && openStart > 0) && !(index === last && openEnd > 0);
    if (child.isInline) {
      if (isOwnInsertion(child, authorId)) return;
      if (markOf(child, DELETE_MARK)) children.push(child);
      else children.push(child.mark(child.type.schema.marks[DELETE_MARK]!.create(attrs).addToSet(child.marks)));
      return;
    }
    if (whole && BLOCK_SUGGESTION_TYPES.includes(child.type.name)) {
      const current = blockSuggestionOf(child);
      if (current?.kind === 'insert' && current.authorId === authorId) return;
      if (current?.kind === 'delete') children.push(child);
      else children.push(child.type.create({ ...child.attrs, suggestion: { ...attrs, kind: 'delete' } satisfies BlockSuggestionAttrs }, child.content, child.marks));
      return;
    }
    const inner = markDeleted(child.content, index === 0 ? Math.max(openStart - 1, 0) : 0, index === last ? Math.max(openEnd - 1, 0) : 0, attrs, authorId);
    children.push(child.copy(inner));
  });
  return Fragment.fromArray(children);
}

function collect(records: readonly StepRecord[]): { replacements: Replacement[]; formats: FormatSegment[] } {
  const maps = records.map((record) => record.step.getMap());
  const replacements: Replacement[] = [];
  const formats: FormatSegment[] = [];
  records.forEach(({ step, before, tracked }, index) => {
    if (!tracked) return;
    const later = new Mapping(maps.slice(index + 1));
    if (step instanceof ReplaceStep) {
      const insertFrom = later.map(step.from, 1);
      const insertTo = Math.max(insertFrom, later.map(step.from + step.slice.size, -1));
      const deleted = step.from < step.to ? before.slice(step.from, step.to) : Slice.empty;
      const at = later.mapResult(step.from, -1);
      replacements.push({ insertFrom, insertTo, deleteAt: deleted.size && !at.deleted ? at.pos : null, deleted, oldFrom: step.from, oldTo: step.to });
    } else if ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && !SUGGESTION_MARK_NAMES.has(step.mark.type.name)) {
      before.nodesBetween(step.from, step.to, (node, pos) => {
        if (!node.isInline) return true;
        const from = later.map(Math.max(pos, step.from), 1);
        const to = later.map(Math.min(pos + node.nodeSize, step.to), -1);
        if (from < to) formats.push({ from, to, before: node.marks, step: index });
        return false;
      });
    }
  });
  return { replacements, formats };
}

function markInserted(tr: Transaction, from: number, to: number, attrs: SuggestionAttrs): void {
  const { marks } = tr.doc.type.schema;
  tr.removeMark(from, to, marks[DELETE_MARK]);
  tr.removeMark(from, to, marks[FORMAT_MARK]);
  tr.addMark(from, to, marks[INSERT_MARK]!.create(attrs));
  const doc = tr.doc;
  doc.nodesBetween(from, to, (node, pos) => {
    if (pos >= from && pos + node.nodeSize <= to && BLOCK_SUGGESTION_TYPES.includes(node.type.name)) {
      tr.setNodeAttribute(pos, 'suggestion', { ...attrs, kind: 'insert' } satisfies BlockSuggestionAttrs);
    }
    return true;
  });
}

function markFormatted(tr: Transaction, segment: FormatSegment, attrs: SuggestionAttrs, authorId: string): void {
  const type = tr.doc.type.schema.marks[FORMAT_MARK]!;
  const before = segment.before.filter((mark) => !SUGGESTION_MARK_NAMES.has(mark.type.name)).map((mark) => mark.toJSON());
  const doc = tr.doc;
  doc.nodesBetween(segment.from, segment.to, (node, pos) => {
    if (!node.isInline) return true;
    // Formatting your own suggested text needs no suggestion of its own; an earlier pending
    // format suggestion keeps the original formatting, so rejecting it still restores that.
    if (isOwnInsertion(node, authorId) || markOf(node, FORMAT_MARK)) return false;
    const from = Math.max(pos, segment.from);
    const to = Math.min(pos + node.nodeSize, segment.to);
    if (from < to) tr.addMark(from, to, type.create({ ...attrs, before }));
    return false;
  });
}

/**
 * Rewrites the effect of the user's `transactions` (already applied to get `newState`) as
 * suggestions: inserted text and blocks get marked inserted, deleted content is put back marked
 * deleted, formatting changes are recorded with the formatting they replaced. Returns the
 * transaction to append, or null when there is nothing to rewrite. Transactions for which
 * `isTracked` is false only shift positions.
 */
export function trackChanges(
  oldState: EditorState,
  newState: EditorState,
  transactions: readonly Transaction[],
  isTracked: (tr: Transaction) => boolean,
  context: TrackContext,
): Transaction | null {
  const records = recordsOf(transactions, isTracked);
  if (!records.some((record) => record.tracked)) return null;
  const { replacements, formats } = collect(records);
  if (replacements.length === 0 && formats.length === 0) return null;
  const tr = newState.tr;
  const authorId = context.author.id;
  const fresh = () => newSuggestionAttrs(context.author, context.newId(), context.now);

  const attrsOf = replacements.map((change) => {
    const near =
      (change.insertTo > change.insertFrom ? ownSuggestionNear(tr.doc, change.insertFrom, authorId, [-1]) ?? ownSuggestionNear(tr.doc, change.insertTo, authorId, [1]) : null) ??
      (change.deleteAt !== null ? ownSuggestionNear(tr.doc, change.deleteAt, authorId, [1, -1]) : null);
    return near ?? fresh();
  });
  replacements.forEach((change, index) => {
    if (change.insertTo > change.insertFrom) markInserted(tr, change.insertFrom, change.insertTo, attrsOf[index]!);
  });

  const formatIds = new Map<number, SuggestionAttrs>();
  for (const segment of formats) {
    if (!formatIds.has(segment.step)) formatIds.set(segment.step, fresh());
    const attrs = formatIds.get(segment.step)!;
    markFormatted(tr, segment, attrs, authorId);
  }

  let backspaceCursor: number | null = null;
  const onlyDeletion = replacements.length === 1 && formats.length === 0 && replacements[0]!.insertTo === replacements[0]!.insertFrom;
  replacements.forEach((change, index) => {
    if (change.deleteAt === null) return;
    const { deleted } = change;
    const content = markDeleted(deleted.content, deleted.openStart, deleted.openEnd, attrsOf[index]!, authorId);
    if (!hasPlaceableContent(content)) return;
    const pos = tr.mapping.map(change.deleteAt, 1);
    tr.replace(pos, pos, new Slice(content, deleted.openStart, deleted.openEnd));
    const { selection } = oldState;
    // Backspace leaves the cursor before the struck-through text, so the next Backspace goes on.
    if (onlyDeletion && transactions.length === 1 && selection.empty && selection.head === change.oldTo && change.oldFrom < change.oldTo) {
      backspaceCursor = pos;
    }
  });
  if (backspaceCursor !== null) tr.setSelection(TextSelection.near(tr.doc.resolve(backspaceCursor), -1));
  return tr.docChanged ? tr : null;
}

/**
 * For someone not suggesting: text they type or paste is plain, even inside someone else's
 * suggestion (ProseMirror would otherwise copy the surrounding suggestion marks onto it).
 */
export function stripSuggestions(newState: EditorState, transactions: readonly Transaction[], isTracked: (tr: Transaction) => boolean): Transaction | null {
  const records = recordsOf(transactions, isTracked);
  const { replacements } = collect(records);
  const tr = newState.tr;
  const { marks } = newState.schema;
  for (const { insertFrom, insertTo } of replacements) {
    if (insertTo <= insertFrom) continue;
    for (const name of SUGGESTION_MARK_NAMES) {
      const type = marks[name];
      if (type && newState.doc.rangeHasMark(insertFrom, insertTo, type)) tr.removeMark(insertFrom, insertTo, type);
    }
    newState.doc.nodesBetween(insertFrom, insertTo, (node, pos) => {
      if (pos >= insertFrom && blockSuggestionOf(node)) tr.setNodeAttribute(pos, 'suggestion', null);
      return true;
    });
  }
  return tr.docChanged ? tr : null;
}
