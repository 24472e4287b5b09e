import { useEffect, useRef, useState } from 'react';
import type { CommentEntry, CommentThread } from '../../../shared/review/listThreads.ts';
import { relativeTime } from '../format/relativeTime.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { deleteComment, editComment, replyToThread, setThreadResolved } from './reviewApi.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { formatDateTime } from '../format/formatDateTime.ts';

function Comment({ entry, own, onEdit, onDelete }: {
  entry: CommentEntry;
  own: boolean;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  if (entry.deleted) return <li className="comment comment-deleted">Comment deleted</li>;
  return (
    <li className="comment">
      <p className="comment-meta">
        <span className="avatar-dot" style={{ background: entry.author.color }} aria-hidden="true" />
        <strong>{entry.author.name}</strong>
        <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
          {relativeTime(entry.createdAt)}
        </time>
        {entry.editedAt ? <span className="comment-edited">(edited)</span> : null}
      </p>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          initial={entry.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await onEdit(body);
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment-body">{entry.body}</p>
      )}
      {own && !editing ? (
        <div className="comment-own">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="link-button" onClick={() => void onDelete()}>
            Delete
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** One comment thread in the sidebar: the quoted words, its comments, a reply box, resolve/reopen. */
export function ThreadCard({ articleId, thread, active, me, onSelect }: {
  articleId: string;
  thread: CommentThread;
  active: boolean;
  /** The signed-in user's id (username), to offer edit/delete on their own comments. */
  me: string;
  onSelect: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <article
      ref={ref}
      className={`thread${active ? ' is-active' : ''}${thread.detached ? ' is-detached' : ''}${thread.resolved ? ' is-resolved' : ''}`}
      aria-label={`Comment thread on “${thread.quote}”`}
      data-thread-id={thread.id}
    >
      <button type="button" className="thread-quote" onClick={onSelect} title={thread.detached ? undefined : 'Show in the story'}>
        {thread.detached ? <span className="thread-detached">Text deleted</span> : null}
        <q>{thread.detached ? thread.originalQuote : thread.quote}</q>
      </button>
      <ol className="comments">
        {thread.replies.map((entry) => (
          <Comment
            key={entry.id}
            entry={entry}
            own={entry.author.id === me}
            onEdit={(body) => editComment(articleId, thread.id, entry.id, body).then(() => undefined)}
            onDelete={() => act(() => deleteComment(articleId, thread.id, entry.id))}
          />
        ))}
      </ol>
      {thread.resolved ? (
        <p className="thread-resolved">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
          {thread.resolvedAt ? ` ${relativeTime(thread.resolvedAt)}` : ''}
        </p>
      ) : (
        <CommentComposer label="Reply" submitLabel="Reply" onSubmit={(body) => replyToThread(articleId, thread.id, body).then(() => undefined)} />
      )}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="thread-actions">
        <button type="button" className="button button-quiet" onClick={() => void act(() => setThreadResolved(articleId, thread.id, !thread.resolved))}>
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </button>
      </div>
    </article>
  );
}
