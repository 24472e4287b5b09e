import * as Y from 'yjs';
import { ErrorId } from '../api.ts';
import { COMMENTS_MAP, DOC_FIELD } from '../collab/docFields.ts';
import { quoteBetween } from './quoteBetween.ts';
import { ReviewError } from './ReviewError.ts';
import { pmToRelativePosition } from './yPositions.ts';

/** Who wrote a comment or resolved a thread, as the session and the cursor show them. */
export interface CommentAuthor {
  id: string;
  name: string;
  color: string;
}

/** Where a thread sits in the story: encoded Yjs relative positions into the `default` fragment. */
export interface ThreadAnchor {
  start: Uint8Array;
  end: Uint8Array;
}

/** The longest comment body accepted, in characters. */
export const COMMENT_MAX_LENGTH = 10_000;

/** What every action may carry: the clock (tests fix it) and the Yjs transaction origin. */
export interface ActionOptions {
  now?: Date;
  origin?: unknown;
}

/** A new thread on the text between ProseMirror positions `from` and `to`, with its first comment. */
export interface NewThread extends ActionOptions {
  from: number;
  to: number;
  body: string;
  author: CommentAuthor;
  /** Ids for the thread and its first comment; random when absent. */
  id?: string;
  commentId?: string;
}

/** A reply to an existing thread. */
export interface NewReply extends ActionOptions {
  body: string;
  author: CommentAuthor;
  id?: string;
}

/** The `comments` map of a story: thread id → thread map. */
export function commentsMap(ydoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return ydoc.getMap<Y.Map<unknown>>(COMMENTS_MAP);
}

const newId = (): string => globalThis.crypto.randomUUID();
const timestamp = (options: ActionOptions): string => (options.now ?? new Date()).toISOString();
const plainAuthor = (author: CommentAuthor): CommentAuthor => ({ id: author.id, name: author.name, color: author.color });

function checkBody(body: string): string {
  const trimmed = typeof body === 'string' ? body.trim() : '';
  if (trimmed === '') throw new ReviewError(ErrorId.ValidationFailed, 'A comment needs some text');
  if (trimmed.length > COMMENT_MAX_LENGTH) {
    throw new ReviewError(ErrorId.ValidationFailed, `A comment may hold at most ${COMMENT_MAX_LENGTH} characters`);
  }
  return trimmed;
}

function checkAuthor(author: CommentAuthor): void {
  if (!author || typeof author.id !== 'string' || author.id === '') {
    throw new ReviewError(ErrorId.ValidationFailed, 'A comment needs an author');
  }
}

function commentEntry(id: string, author: CommentAuthor, body: string, createdAt: string): Y.Map<unknown> {
  return new Y.Map<unknown>([
    ['id', id],
    ['author', plainAuthor(author)],
    ['body', body],
    ['createdAt', createdAt],
    ['editedAt', null],
    ['deleted', false],
  ]);
}

/**
 * The anchor of the text between ProseMirror positions `from` and `to`: the start follows the
 * first character and the end the last one, so the anchor stays on its words while others type
 * around them, and grows when someone types inside it.
 */
export function anchorFromRange(ydoc: Y.Doc, from: number, to: number): ThreadAnchor {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  return {
    start: Y.encodeRelativePosition(pmToRelativePosition(fragment, from, 1)),
    end: Y.encodeRelativePosition(pmToRelativePosition(fragment, to, -1)),
  };
}

/**
 * Opens a thread on the text between `from` and `to` (ProseMirror positions of the story's
 * document, the editor's selection) with its first comment. Returns the thread id.
 * Throws a ReviewError (validation_failed) when the range holds no text or the body is empty.
 */
export function addThread(ydoc: Y.Doc, thread: NewThread): string {
  checkAuthor(thread.author);
  const body = checkBody(thread.body);
  if (!(thread.from < thread.to)) throw new ReviewError(ErrorId.ValidationFailed, 'Select some text to comment on');
  const quote = quoteBetween(ydoc, thread.from, thread.to);
  if (quote.trim() === '') throw new ReviewError(ErrorId.ValidationFailed, 'Select some text to comment on');
  const anchor = anchorFromRange(ydoc, thread.from, thread.to);
  const id = thread.id ?? newId();
  const createdAt = timestamp(thread);
  const comments = commentsMap(ydoc);
  if (comments.has(id)) throw new ReviewError(ErrorId.ValidationFailed, `Thread ${id} already exists`);
  ydoc.transact(() => {
    const replies = new Y.Array<Y.Map<unknown>>();
    replies.push([commentEntry(thread.commentId ?? newId(), thread.author, body, createdAt)]);
    comments.set(
      id,
      new Y.Map<unknown>([
        ['id', id],
        ['anchor', { start: anchor.start, end: anchor.end }],
        ['quote', quote],
        ['author', plainAuthor(thread.author)],
        ['createdAt', createdAt],
        ['resolved', false],
        ['resolvedBy', null],
        ['resolvedAt', null],
        ['replies', replies],
      ]),
    );
  }, thread.origin);
  return id;
}

function threadMap(ydoc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = commentsMap(ydoc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new ReviewError(ErrorId.NotFound, `No comment thread ${threadId}`);
  return thread;
}

function repliesOf(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  const replies = thread.get('replies');
  if (!(replies instanceof Y.Array)) throw new ReviewError(ErrorId.NotFound, 'The thread has no comments');
  return replies as Y.Array<Y.Map<unknown>>;
}

/** Appends a reply to a thread. Returns the reply's id. Replies made at the same time all stay. */
export function reply(ydoc: Y.Doc, threadId: string, newReply: NewReply): string {
  checkAuthor(newReply.author);
  const body = checkBody(newReply.body);
  const id = newReply.id ?? newId();
  const createdAt = timestamp(newReply);
  ydoc.transact(() => {
    repliesOf(threadMap(ydoc, threadId)).push([commentEntry(id, newReply.author, body, createdAt)]);
  }, newReply.origin);
  return id;
}

function ownComment(ydoc: Y.Doc, threadId: string, commentId: string, actor: CommentAuthor): Y.Map<unknown> {
  const comment = repliesOf(threadMap(ydoc, threadId))
    .toArray()
    .find((entry) => entry instanceof Y.Map && entry.get('id') === commentId);
  if (!comment || comment.get('deleted') === true) {
    throw new ReviewError(ErrorId.NotFound, `No comment ${commentId} in thread ${threadId}`);
  }
  const author = comment.get('author') as Partial<CommentAuthor> | undefined;
  if (!actor || author?.id !== actor.id) {
    throw new ReviewError(ErrorId.Forbidden, 'Only the author of a comment may change or delete it');
  }
  return comment;
}

/** Replaces the body of the actor's own comment. Throws a ReviewError (forbidden) for anyone else's. */
export function editComment(
  ydoc: Y.Doc,
  threadId: string,
  commentId: string,
  actor: CommentAuthor,
  body: string,
  options: ActionOptions = {},
): void {
  const text = checkBody(body);
  const comment = ownComment(ydoc, threadId, commentId, actor);
  ydoc.transact(() => {
    comment.set('body', text);
    comment.set('editedAt', timestamp(options));
  }, options.origin);
}

/**
 * Deletes the actor's own comment. The entry stays, emptied and flagged, so replies made at the
 * same time keep their place; a thread whose every comment is deleted is no longer listed.
 */
export function deleteComment(
  ydoc: Y.Doc,
  threadId: string,
  commentId: string,
  actor: CommentAuthor,
  options: ActionOptions = {},
): void {
  const comment = ownComment(ydoc, threadId, commentId, actor);
  ydoc.transact(() => {
    comment.set('body', '');
    comment.set('deleted', true);
    comment.set('editedAt', timestamp(options));
  }, options.origin);
}

/** Marks a thread resolved by `actor`; it leaves the sidebar's open list but stays in the story. */
export function resolve(ydoc: Y.Doc, threadId: string, actor: CommentAuthor, options: ActionOptions = {}): void {
  checkAuthor(actor);
  const thread = threadMap(ydoc, threadId);
  ydoc.transact(() => {
    thread.set('resolved', true);
    thread.set('resolvedBy', plainAuthor(actor));
    thread.set('resolvedAt', timestamp(options));
  }, options.origin);
}

/** Reopens a resolved thread. */
export function reopen(ydoc: Y.Doc, threadId: string, actor: CommentAuthor, options: ActionOptions = {}): void {
  checkAuthor(actor);
  const thread = threadMap(ydoc, threadId);
  ydoc.transact(() => {
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedAt', null);
  }, options.origin);
}

export { listThreads } from './listThreads.ts';
export type { CommentEntry, CommentThread } from './listThreads.ts';
