import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PublishProblem } from '../../../shared/publish/checkPublishable.ts';
import { previewPublication, publishStory, sitePath } from './publishApi.ts';
import type { PublicationPreview, PublicationSummary } from '../../../shared/publishing.ts';
import { ProblemList } from './ProblemList.tsx';
import { problemsOf } from './problemsOf.ts';
import { WarningList } from './WarningList.tsx';
import { errorMessage } from '../format/errorMessage.ts';

/** Same bound as the server's CORRECTION_MAX_LENGTH. */
const CORRECTION_MAX_LENGTH = 2000;

/**
 * The exact page publishing now would freeze, shown in a sandboxed frame (no scripts, no
 * same-origin access), with what would block it; editors publish from here, with a public
 * correction note when the story is already out.
 */
export function PublishDialog({ articleId, mayPublish, republish, onPublished, onShowBlock, onClose }: {
  articleId: string;
  /** Whether the story's status lets it be published now (approved, or published already). */
  mayPublish: boolean;
  /** An earlier publication exists: this one is an update and may carry a correction. */
  republish: boolean;
  onPublished: (publication: PublicationSummary) => void;
  onShowBlock: (blockIndex: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const noteId = useId();
  const [preview, setPreview] = useState<PublicationPreview | null>(null);
  const [problems, setProblems] = useState<PublishProblem[]>([]);
  const [correction, setCorrection] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publishLabel = republish ? 'Publish update' : 'Publish';

  const load = useCallback(async () => {
    setError(null);
    try {
      const next = await previewPublication(articleId);
      setPreview(next);
      setProblems(next.problems);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [articleId]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    void load();
    return () => dialog?.close();
  }, [load]);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      onPublished(await publishStory(articleId, correction.trim() || undefined));
    } catch (failure) {
      const blocking = problemsOf(failure);
      setProblems(blocking);
      setError(blocking.length > 0 ? null : errorMessage(failure));
      setBusy(false);
    }
  }

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
            Preview
          </h2>
          {preview && preview.url.slug ? (
            <p className="modal-note">
              Version {preview.version} at <code>{sitePath(preview.url.section, preview.url.slug)}</code>
            </p>
          ) : null}
        </div>
        <ProblemList
          problems={problems}
          onShow={(blockIndex) => {
            onClose();
            onShowBlock(blockIndex);
          }}
        />
        {preview ? <WarningList warnings={preview.warnings ?? []} /> : null}
        {preview === null && error === null ? <p className="loading">Building the page…</p> : null}
        {preview && preview.html ? (
          // No allow-scripts and no allow-same-origin: the page can neither run nor reach the app.
          <iframe className="publish-preview-frame" title="Published page preview" sandbox="" srcDoc={preview.html} />
        ) : null}
        {mayPublish && republish ? (
          <div className="field publish-correction">
            <label htmlFor={noteId} className="field-label">
              Correction note (optional, public)
            </label>
            <textarea
              id={noteId}
              className="field-input field-textarea"
              rows={2}
              maxLength={CORRECTION_MAX_LENGTH}
              value={correction}
              placeholder="e.g. An earlier version misstated the budget."
              onChange={(event) => setCorrection(event.target.value)}
            />
          </div>
        ) : null}
        {!mayPublish ? <p className="modal-note">Only an approved story can be published.</p> : null}
        {error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          {mayPublish ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy || preview === null || problems.length > 0}
              onClick={() => void publish()}
            >
              {busy ? 'Publishing…' : publishLabel}
            </button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
