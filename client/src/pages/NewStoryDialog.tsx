import { useState } from 'react';
import { HEADLINE_MAX_LENGTH, type Article } from '../../../shared/api.ts';
import { createArticle } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** Asks for a working headline and creates the story on the server. */
export function NewStoryDialog({ onCreated, onCancel }: { onCreated: (article: Article) => void; onCancel: () => void }) {
  const [headline, setHeadline] = useState('');
  const { busy, error, run } = useDialogSubmit();
  const trimmed = headline.trim();

  function create(): Promise<void> {
    return run(async () => {
      onCreated(await createArticle({ headline: trimmed }));
    });
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
