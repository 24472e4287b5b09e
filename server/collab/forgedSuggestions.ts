import type { JSONContent } from '@tiptap/core';
import { INSERT_MARK, SUGGESTION_MARK_NAMES } from '../../shared/editor/suggestions/suggestionMarks.ts';
import type { SocketUser } from './Connection.ts';

/**
 * Who sends an update, as the socket's signed-in account knows them. The editor writes
 * `username` as a suggestion's `authorId` and `displayName` as its `authorName`.
 */
export type SuggestionAuthor = Pick<SocketUser, 'username' | 'displayName'>;

type JsonMark = NonNullable<JSONContent['marks']>[number];

/** One suggestion (a mark name or a block, and an id) as it stands in a story. */
interface Held {
  /** Each distinct attribute set (attrsKey) seen under this suggestion, with its author fields. */
  attrs: Map<string, { authorId: unknown; authorName: unknown }>;
  /** The text it covers in document order, leaving out the sender's own suggested insertions. */
  text: string;
  /** Each block it is set on: the block's type and attributes, without the suggestion. */
  blocks: string[];
}

const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

/**
 * The attributes a suggestion is read with (the schema drops any others), as one string: one
 * JSON.stringify per occurrence, as this runs on every keystroke while suggesting is required.
 */
const attrsKey = ({ id, authorId, authorName, color, createdAt, kind, before }: Record<string, unknown>): string =>
  JSON.stringify([id, authorId, authorName, color, createdAt, kind, before === undefined ? null : sortedJson(before)]);

const marksOf = (node: JSONContent): JsonMark[] => (Array.isArray(node.marks) ? node.marks : []);

function heldIn(doc: JSONContent, senderId: string): Map<string, Held> {
  const held = new Map<string, Held>();
  const entry = (key: string, attrs: Record<string, unknown>): Held => {
    let found = held.get(key);
    if (!found) held.set(key, (found = { attrs: new Map(), text: '', blocks: [] }));
    found.attrs.set(attrsKey(attrs), { authorId: attrs.authorId, authorName: attrs.authorName });
    return found;
  };
  const walk = (node: JSONContent): void => {
    const block: unknown = node.attrs?.suggestion;
    if (block && typeof block === 'object') {
      const attrs = block as Record<string, unknown>;
      const { suggestion: _suggestion, ...rest } = node.attrs!;
      entry(`block:${String(attrs.id)}`, attrs).blocks.push(sortedJson({ type: node.type, attrs: rest }));
    }
    const marks = marksOf(node);
    // The sender's own suggested text may sit inside anyone's suggestion: it is theirs to add or take back.
    const own = marks.some((mark) => mark.type === INSERT_MARK && mark.attrs?.authorId === senderId);
    for (const mark of marks) {
      if (!SUGGESTION_MARK_NAMES.has(mark.type)) continue;
      const attrs = (mark.attrs ?? {}) as Record<string, unknown>;
      const found = entry(`${mark.type}:${String(attrs.id)}`, attrs);
      if (!own) found.text += node.type === 'text' ? (node.text ?? '') : '\uFFFC';
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return held;
}

function isSubsequence<T>(part: ArrayLike<T>, whole: ArrayLike<T>): boolean {
  let at = 0;
  for (let i = 0; i < whole.length && at < part.length; i += 1) if (whole[i] === part[at]) at += 1;
  return at === part.length;
}

/**
 * The ids of the suggestions in `after` that `author` may not have written: a suggestion (a mark
 * or a block's `suggestion` attribute) that is new or whose attributes changed since `before`
 * and is not in the author's name (`authorId` their username, `authorName` their display name or
 * empty), or someone else's suggestion that now covers text or blocks it did not cover before.
 * A suggestion that shrank or went (rejected, split, partly deleted) is no one's forgery.
 */
export function forgedSuggestions(before: JSONContent, after: JSONContent, author: SuggestionAuthor): string[] {
  const isAuthor = ({ authorId, authorName }: { authorId: unknown; authorName: unknown }): boolean =>
    authorId === author.username && (authorName === author.displayName || authorName === '' || authorName === undefined);
  const was = heldIn(before, author.username);
  const forged: string[] = [];
  for (const [key, now] of heldIn(after, author.username)) {
    const then = was.get(key);
    const fresh = [...now.attrs].filter(([json]) => !then?.attrs.has(json));
    const grew = then !== undefined && !(isSubsequence(now.text, then.text) && isSubsequence(now.blocks, then.blocks));
    const written = grew ? [...now.attrs.values()] : fresh.map(([, who]) => who);
    if (!written.every(isAuthor)) forged.push(key.slice(key.indexOf(':') + 1));
  }
  return forged;
}
