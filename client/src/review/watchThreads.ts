import type * as Y from 'yjs';
import { listThreads, type CommentThread } from '../../../shared/review/listThreads.ts';

/** How long a burst of changes (typing) is gathered before the threads are read again. */
const SETTLE_MS = 60;

/**
 * Calls `onThreads` with the story's threads now and again after every change to the Y.Doc
 * (a comment, or an edit that moves or deletes commented text), a burst of changes at a time.
 * Returns the function that stops watching.
 */
export function watchThreads(ydoc: Y.Doc, onThreads: (threads: CommentThread[]) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const read = () => {
    timer = null;
    if (!stopped) onThreads(listThreads(ydoc));
  };
  const schedule = () => {
    if (!timer && !stopped) timer = setTimeout(read, SETTLE_MS);
  };
  ydoc.on('afterTransaction', schedule);
  read();
  return () => {
    stopped = true;
    ydoc.off('afterTransaction', schedule);
    if (timer) clearTimeout(timer);
  };
}
