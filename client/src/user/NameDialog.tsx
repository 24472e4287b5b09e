import { useState } from 'react';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';

/** Asks who is writing, once per browser: the name appears on this person's cursor. */
export function NameDialog({ initialName = '', onSave, onCancel }: {
  initialName?: string;
  onSave: (name: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initialName);
  const trimmed = name.trim();
  return (
    <Modal
      title={initialName ? 'Change your name' : 'Who is writing?'}
      submitLabel="Start writing"
      submitDisabled={trimmed.length === 0}
      onSubmit={() => onSave(trimmed)}
      onCancel={onCancel}
    >
      <p className="modal-lead">Your colleagues see this name next to your cursor. It is remembered in this browser.</p>
      <Field
        label="Your name"
        value={name}
        autoFocus
        maxLength={60}
        autoComplete="name"
        placeholder="e.g. Maria Ressa"
        onChange={(event) => setName(event.target.value)}
      />
    </Modal>
  );
}
