import { useState } from 'react';
import { HEADLINE_MAX_LENGTH, type Article } from '../../../shared/api.ts';
import { createArticle } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { errorMessage } from '../format/errorMessage.ts';

/** Asks for a working headline and creates the story on the server. */
export function NewStoryDialog({ onCreated, onCancel }: { onCreated: (article: Article) => void; onCancel: () => void }) {
  const [headline, setHeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = headline.trim();

  async function create() {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createArticle({ headline: trimmed }));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Modal
      title="New story"
      submitLabel={busy ? 'Creating…' : 'Create story'}
      submitDisabled={busy || trimmed.length === 0}
      onSubmit={() => void create()}
      onCancel={onCancel}
      error={error}
    >
      <Field
        label="Headline"
        hint="A working headline is fine: you can change it in the editor."
        value={headline}
        autoFocus
        maxLength={HEADLINE_MAX_LENGTH}
        onChange={(event) => setHeadline(event.target.value)}
      />
    </Modal>
  );
}
