import type { JSONContent } from '@tiptap/core';

const SUGGESTION_MARK_TYPES = new Set(['suggestionInsert', 'suggestionDelete']);

const marksOf = (node: JSONContent): NonNullable<JSONContent['marks']> => (Array.isArray(node.marks) ? node.marks : []);

/** Whether a story document (ProseMirror JSON) holds suggestions no one has accepted or rejected. */
export function hasPendingSuggestions(doc: JSONContent): boolean {
  if (marksOf(doc).some((mark) => SUGGESTION_MARK_TYPES.has(mark.type))) return true;
  return Array.isArray(doc.content) && doc.content.some(hasPendingSuggestions);
}

/**
 * The document as if every pending suggestion were rejected: suggested insertions removed,
 * suggested deletions kept as plain text. Exports and publishing read this, never the marks.
 */
export function withoutSuggestions(doc: JSONContent): JSONContent {
  const copy: JSONContent = { ...doc };
  if (Array.isArray(doc.marks)) {
    const marks = doc.marks.filter((mark) => !SUGGESTION_MARK_TYPES.has(mark.type));
    if (marks.length) copy.marks = marks;
    else delete copy.marks;
  }
  if (Array.isArray(doc.content)) {
    copy.content = doc.content
      .filter((child) => !marksOf(child).some((mark) => mark.type === 'suggestionInsert'))
      .map(withoutSuggestions);
  }
  return copy;
}
