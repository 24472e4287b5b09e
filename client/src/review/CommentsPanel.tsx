import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import type { CommentThread } from '../../../shared/review/listThreads.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { addComment } from './reviewApi.ts';
import { setCommentHighlights } from './setCommentHighlights.ts';
import { ThreadCard } from './ThreadCard.tsx';

/** The words a new thread will be on, taken from the selection when "Comment" was pressed. */
export interface CommentDraft {
  from: number;
  to: number;
  quote: string;
}

/** Selects a thread's words in the story and brings them into view. */
export function showThreadText(editor: Editor, thread: CommentThread): void {
  if (thread.from === null || thread.to === null || editor.isDestroyed) return;
  const size = editor.state.doc.content.size;
  if (thread.to > size) return;
  editor.chain().setTextSelection({ from: thread.from, to: thread.to }).run();
  const { node } = editor.view.domAtPos(thread.from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * Comment threads beside the story: the composer for a new one, open threads in reading order,
 * resolved ones folded away. Keeps the editor's highlights in step with the threads.
 */
export function CommentsPanel({ articleId, editor, threads, activeId, me, draft, onActivate, onDraftDone }: {
  articleId: string;
  editor: Editor;
  threads: CommentThread[];
  activeId: string | null;
  me: string;
  draft: CommentDraft | null;
  onActivate: (id: string) => void;
  onDraftDone: () => void;
}) {
  useEffect(() => {
    setCommentHighlights(
      editor,
      threads.flatMap((thread) =>
        thread.from === null || thread.to === null || thread.resolved
          ? []
          : [{ id: thread.id, from: thread.from, to: thread.to, active: thread.id === activeId }],
      ),
    );
  }, [editor, threads, activeId]);

  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const card = (thread: CommentThread) => (
    <ThreadCard
      key={thread.id}
      articleId={articleId}
      thread={thread}
      me={me}
      active={thread.id === activeId}
      onSelect={() => {
        onActivate(thread.id);
        showThreadText(editor, thread);
      }}
    />
  );

  return (
    <section className="review-panel comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="panel-heading">
        Comments {open.length > 0 ? <span className="count">{open.length}</span> : null}
      </h2>
      {draft ? (
        <div className="thread is-new">
          <p className="thread-quote">
            <q>{draft.quote}</q>
          </p>
          <CommentComposer
            label="Add a comment"
            submitLabel="Comment"
            autoFocus
            onCancel={onDraftDone}
            onSubmit={async (body) => {
              const thread = await addComment(articleId, draft.from, draft.to, body);
              onDraftDone();
              onActivate(thread.id);
            }}
          />
        </div>
      ) : null}
      {open.length === 0 && !draft ? <p className="panel-empty">Select words in the story and press Comment.</p> : null}
      {open.map(card)}
      {resolved.length > 0 ? (
        <details className="resolved-threads">
          <summary>Resolved ({resolved.length})</summary>
          {resolved.map(card)}
        </details>
      ) : null}
    </section>
  );
}
