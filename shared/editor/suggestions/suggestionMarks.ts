import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { BlockSuggestionAttrs, SuggestionAttrs } from './suggestionAttributes.ts';

/** Names of the inline suggestion marks. */
export const INSERT_MARK = 'suggestionInsert';
export const DELETE_MARK = 'suggestionDelete';
export const FORMAT_MARK = 'suggestionFormat';

/** Every inline suggestion mark name: none of them is "formatting" a suggestion may record. */
export const SUGGESTION_MARK_NAMES: ReadonlySet<string> = new Set([INSERT_MARK, DELETE_MARK, FORMAT_MARK]);

/** The mark named `name` on `node`, if any. */
export function markOf(node: PMNode | null | undefined, name: string): Mark | undefined {
  return node?.marks.find((mark) => mark.type.name === name);
}

/** Whether `node` is text (or an inline leaf) that `authorId` suggested inserting. */
export function isOwnInsertion(node: PMNode, authorId: string): boolean {
  return markOf(node, INSERT_MARK)?.attrs.authorId === authorId;
}

/** The `suggestion` attribute of a block, or null when the block carries none. */
export function blockSuggestionOf(node: PMNode): BlockSuggestionAttrs | null {
  const value: unknown = node.attrs.suggestion;
  return value && typeof value === 'object' && typeof (value as BlockSuggestionAttrs).id === 'string' ? (value as BlockSuggestionAttrs) : null;
}

/** The suggestion attributes of a mark, as plain data. */
export function suggestionAttrsOfMark(mark: Mark): SuggestionAttrs {
  const { id, authorId, authorName, color, createdAt } = mark.attrs as SuggestionAttrs;
  return { id, authorId, authorName, color, createdAt };
}
