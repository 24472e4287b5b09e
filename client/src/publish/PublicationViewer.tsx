import { useEffect, useId, useRef, useState } from 'react';
import { getPublication } from './publishApi.ts';
import type { Publication } from '../../../shared/publishing.ts';
import { formatDateTime } from '../format/formatDateTime.ts';
import { errorMessage } from '../format/errorMessage.ts';

/** One frozen publication exactly as it went out, in a sandboxed frame. */
export function PublicationViewer({ articleId, version, onClose }: { articleId: string; version: number; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [publication, setPublication] = useState<Publication | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    getPublication(articleId, version).then(setPublication, (failure: unknown) =>
      setError(errorMessage(failure)),
    );
    return () => dialog?.close();
  }, [articleId, version]);

  return (
    <dialog
      ref={ref}
      className="modal modal-wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal-form publish-dialog">
        <div className="publish-dialog-head">
          <h2 id={titleId} className="modal-title">
            Version {version}
          </h2>
          {publication ? (
            <p className="modal-note">
              Published {formatDateTime(publication.publishedAt)} by {publication.publishedBy}
              {publication.correction ? ` · Correction: ${publication.correction}` : ''}
            </p>
          ) : null}
        </div>
        {publication ? (
          <iframe className="publish-preview-frame" title={`Published version ${version}`} sandbox="" srcDoc={publication.html} />
        ) : error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="loading">Loading…</p>
        )}
        <div className="modal-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
