import { useId, useState } from 'react';
import type { AllowedTransition, Article } from '../../../shared/api.ts';
import { NOTE_MAX_LENGTH } from '../../../shared/workflow.ts';
import { transitionArticle } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** Confirms a workflow step, with a note for the story's activity (required when the step says so). */
export function TransitionDialog({ articleId, transition, onDone, onCancel }: {
  articleId: string;
  transition: AllowedTransition;
  onDone: (article: Article) => void;
  onCancel: () => void;
}) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const { busy, error, run } = useDialogSubmit();
  const required = transition.note === 'required';
  const trimmed = note.trim();

  function submit(): Promise<void> {
    return run(async () => {
      onDone(await transitionArticle(articleId, transition.to, trimmed || undefined));
    });
  }

  return (
    <Modal
      title={transition.label}
      submitLabel={busy ? 'Saving…' : transition.label}
      submitDisabled={busy || (required && trimmed === '')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      error={error}
    >
      <div className="field">
        <label htmlFor={noteId} className="field-label">
          {required ? 'Note (required)' : 'Note (optional)'}
        </label>
        <textarea
          id={noteId}
          className="field-input field-textarea"
          rows={4}
          autoFocus
          maxLength={NOTE_MAX_LENGTH}
          value={note}
          placeholder={required ? 'Say what needs to change.' : 'Anything the desk should know.'}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
    </Modal>
  );
}
