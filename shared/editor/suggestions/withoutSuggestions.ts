import type { JSONContent } from '@tiptap/core';
import type { MarkJson } from './SuggestionFormat.ts';
import { FORMAT_MARK, INSERT_MARK, SUGGESTION_MARK_NAMES } from './suggestionMarks.ts';

type JsonMark = NonNullable<JSONContent['marks']>[number];

const marksOf = (node: JSONContent): JsonMark[] => (Array.isArray(node.marks) ? node.marks : []);

const blockSuggestionKind = (node: JSONContent): unknown => (node.attrs?.suggestion as { kind?: unknown } | null | undefined)?.kind;

/** Whether a story document (ProseMirror JSON) holds suggestions no one has accepted or rejected. */
export function hasPendingSuggestions(doc: JSONContent): boolean {
  if (marksOf(doc).some((mark) => SUGGESTION_MARK_NAMES.has(mark.type))) return true;
  if (blockSuggestionKind(doc) !== undefined) return true;
  return Array.isArray(doc.content) && doc.content.some(hasPendingSuggestions);
}

/**
 * How many suggestions of a story document (ProseMirror JSON) wait for a decision: one per
 * suggestion id, however many text runs or blocks it spans (a mark or block without an id counts once).
 */
export function countPendingSuggestions(doc: JSONContent): number {
  const ids = new Set<string>();
  let anonymous = 0;
  const note = (id: unknown): void => {
    if (typeof id === 'string' && id !== '') ids.add(id);
    else anonymous += 1;
  };
  const visit = (node: JSONContent): void => {
    for (const mark of marksOf(node)) if (SUGGESTION_MARK_NAMES.has(mark.type)) note(mark.attrs?.id);
    if (blockSuggestionKind(node) !== undefined) note((node.attrs?.suggestion as { id?: unknown }).id);
    if (Array.isArray(node.content)) node.content.forEach(visit);
  };
  visit(doc);
  return ids.size + anonymous;
}

function isSuggestedInsertion(node: JSONContent): boolean {
  return blockSuggestionKind(node) === 'insert' || marksOf(node).some((mark) => mark.type === INSERT_MARK);
}

function rejectedMarks(marks: JsonMark[]): JsonMark[] {
  const format = marks.find((mark) => mark.type === FORMAT_MARK);
  const kept = format ? ((format.attrs?.before ?? []) as MarkJson[]) : marks;
  return kept.filter((mark) => !SUGGESTION_MARK_NAMES.has(mark.type));
}

/**
 * The document as if every pending suggestion were rejected: suggested insertions (text and
 * blocks) removed, suggested deletions kept, suggested formatting undone, and no `suggestion`
 * attribute left, so the result fits the plain article schema. Exports and publishing read this.
 */
export function withoutSuggestions(doc: JSONContent): JSONContent {
  const copy: JSONContent = { ...doc };
  if (Array.isArray(doc.marks)) {
    const marks = rejectedMarks(doc.marks);
    if (marks.length) copy.marks = marks;
    else delete copy.marks;
  }
  if (doc.attrs && 'suggestion' in doc.attrs) {
    const { suggestion: _suggestion, ...attrs } = doc.attrs;
    copy.attrs = attrs;
  }
  if (Array.isArray(doc.content)) {
    copy.content = doc.content.filter((child) => !isSuggestedInsertion(child)).map(withoutSuggestions);
  }
  return copy;
}
