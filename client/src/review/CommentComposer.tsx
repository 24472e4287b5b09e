import { useState, type FormEvent } from 'react';
import { errorMessage } from '../format/errorMessage.ts';

/** A text box with a submit button, for a new thread, a reply or an edit. */
export function CommentComposer({ label, submitLabel, initial = '', autoFocus = false, onSubmit, onCancel }: {
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Resolves when saved; a rejection keeps the text and shows the message. */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body.trim());
      setBody('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-composer" onSubmit={submit}>
      <textarea
        className="field-textarea"
        aria-label={label}
        placeholder={label}
        value={body}
        rows={2}
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit();
          if (event.key === 'Escape') onCancel?.();
        }}
      />
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-actions">
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy || body.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
