import * as Y from 'yjs';
import { COMMENTS_MAP, DOC_FIELD } from '../collab/docFields.ts';
import type { CommentAuthor } from './commentThreads.ts';
import { storyNode, textIn } from './quoteBetween.ts';
import { relativeToPmPosition } from './yPositions.ts';

/** One comment of a thread as plain data. A deleted comment keeps its place with an empty body. */
export interface CommentEntry {
  id: string;
  author: CommentAuthor;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** A thread as the sidebar and `GET /api/articles/:id/comments` show it. */
export interface CommentThread {
  id: string;
  /** The words the thread is on now; the words it was opened on when it is detached. */
  quote: string;
  /** The words the thread was opened on. */
  originalQuote: string;
  /** Where those words are now (ProseMirror positions); null when detached. */
  from: number | null;
  to: number | null;
  /** True when the text the thread was on has been deleted: the thread is kept, not lost. */
  detached: boolean;
  author: CommentAuthor;
  createdAt: string;
  resolved: boolean;
  resolvedBy: CommentAuthor | null;
  resolvedAt: string | null;
  /** The opening comment first, then the replies in order. */
  replies: CommentEntry[];
}

const UNKNOWN_AUTHOR: CommentAuthor = { id: '', name: 'Unknown', color: '#888888' };

function asAuthor(value: unknown): CommentAuthor {
  if (!value || typeof value !== 'object') return UNKNOWN_AUTHOR;
  const author = value as Record<string, unknown>;
  return {
    id: typeof author.id === 'string' ? author.id : '',
    name: typeof author.name === 'string' ? author.name : UNKNOWN_AUTHOR.name,
    color: typeof author.color === 'string' ? author.color : UNKNOWN_AUTHOR.color,
  };
}

const asString = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const asNullableString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function readEntries(value: unknown): CommentEntry[] {
  if (!(value instanceof Y.Array)) return [];
  const entries: CommentEntry[] = [];
  for (const item of value.toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const deleted = item.get('deleted') === true;
    entries.push({
      id: asString(item.get('id')),
      author: asAuthor(item.get('author')),
      body: deleted ? '' : asString(item.get('body')),
      createdAt: asString(item.get('createdAt')),
      editedAt: asNullableString(item.get('editedAt')),
      deleted,
    });
  }
  return entries;
}

function decode(bytes: unknown): Y.RelativePosition | null {
  if (!(bytes instanceof Uint8Array)) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * Every thread of the story with its comments, resolved or not, in reading order (detached
 * threads last). The quote is read from the anchor now, so it follows edits made since.
 * Threads whose comments were all deleted are left out. Never changes the document.
 */
export function listThreads(ydoc: Y.Doc): CommentThread[] {
  const comments = ydoc.getMap<unknown>(COMMENTS_MAP);
  if (comments.size === 0) return [];
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const doc = storyNode(ydoc);
  const threads: CommentThread[] = [];
  comments.forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const replies = readEntries(value.get('replies'));
    if (replies.every((entry) => entry.deleted)) return;
    const anchor = value.get('anchor') as { start?: unknown; end?: unknown } | undefined;
    const start = decode(anchor?.start);
    const end = decode(anchor?.end);
    const from = start ? relativeToPmPosition(ydoc, fragment, start) : null;
    const to = end ? relativeToPmPosition(ydoc, fragment, end) : null;
    const current = from !== null && to !== null && from < to ? textIn(doc, from, to) : '';
    const detached = current.trim() === '';
    const originalQuote = asString(value.get('quote'));
    threads.push({
      id: asString(value.get('id'), key),
      quote: detached ? originalQuote : current,
      originalQuote,
      from: detached ? null : from,
      to: detached ? null : to,
      detached,
      author: asAuthor(value.get('author')),
      createdAt: asString(value.get('createdAt')),
      resolved: value.get('resolved') === true,
      resolvedBy: value.get('resolvedBy') ? asAuthor(value.get('resolvedBy')) : null,
      resolvedAt: asNullableString(value.get('resolvedAt')),
      replies,
    });
  });
  return threads.sort((a, b) => {
    if (a.detached !== b.detached) return a.detached ? 1 : -1;
    const byPosition = (a.from ?? 0) - (b.from ?? 0);
    return byPosition !== 0 ? byPosition : a.createdAt.localeCompare(b.createdAt);
  });
}
