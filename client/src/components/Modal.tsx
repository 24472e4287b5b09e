import { useId, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from '../hooks/useModalDialog.ts';

/** Props of a modal form dialog. */
export interface ModalProps {
  title: string;
  /** Words on the submit button. */
  submitLabel: string;
  onSubmit: () => void;
  /** Omit to make the dialog impossible to dismiss (e.g. a required name). */
  onCancel?: () => void;
  submitDisabled?: boolean;
  error?: string | null;
  children: ReactNode;
}

/**
 * A native `<dialog>` opened modally around a form: focus is trapped, Escape cancels,
 * and the heading names the dialog for assistive technology.
 */
export function Modal({ title, submitLabel, onSubmit, onCancel, submitDisabled, error, children }: ModalProps) {
  const ref = useModalDialog();
  const titleId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!submitDisabled) onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <form onSubmit={handleSubmit} className="modal-form">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        {error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          {onCancel ? (
            <button type="button" className="button button-quiet" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
