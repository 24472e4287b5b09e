import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { safeUrl } from '../../../shared/export/safeUrl.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';

/** What a figure lacks that readers and the picture desk need, in words; null when nothing. */
export function missingFigureDetails(alt: string, credit: string): string | null {
  const missing = [alt.trim() === '' ? 'alt text' : null, credit.trim() === '' ? 'credit' : null].filter(Boolean);
  return missing.length === 0 ? null : missing.join(' and ');
}

/**
 * Inserts a figure, or edits the one the cursor is in. The caption is not asked for:
 * it is typed in place, under the image. A figure without alt text or credit takes a second,
 * deliberate click, after a warning saying what is missing.
 */
export function FigureDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const editing = editor.isActive('figure');
  const attrs = editing ? editor.getAttributes('figure') : {};
  const [src, setSrc] = useState(String(attrs.src ?? ''));
  const [alt, setAlt] = useState(String(attrs.alt ?? ''));
  const [credit, setCredit] = useState(String(attrs.credit ?? ''));
  const [error, setError] = useState<string | null>(null);
  const missing = missingFigureDetails(alt, credit);
  // The missing details the writer has been warned about; filling or clearing a field asks again.
  const [warnedAbout, setWarnedAbout] = useState<string | null>(null);
  const confirmed = missing !== null && warnedAbout === missing;

  function apply() {
    const url = safeUrl(src.trim());
    if (!url || url.startsWith('mailto:')) {
      setError('Use an image address starting with https:// (or a path on this site).');
      return;
    }
    if (missing !== null && !confirmed) {
      setWarnedAbout(missing);
      return;
    }
    const values = { src: url, alt: alt.trim(), credit: credit.trim() };
    const done = editing
      ? editor.chain().focus().updateAttributes('figure', values).run()
      : editor.chain().focus().setFigure(values).run();
    if (!done) {
      setError('The figure could not be placed here. Put the cursor in the story body and try again.');
      return;
    }
    onClose();
  }

  return (
    <Modal
      title={editing ? 'Edit figure' : 'Insert figure'}
      submitLabel={(editing ? 'Update figure' : 'Insert figure') + (confirmed ? ` without ${missing}` : '')}
      submitDisabled={src.trim() === ''}
      onSubmit={apply}
      onCancel={() => {
        editor.commands.focus();
        onClose();
      }}
      error={error}
    >
      <Field
        label="Image URL"
        inputMode="url"
        value={src}
        autoFocus
        placeholder="https://"
        onChange={(event) => setSrc(event.target.value)}
      />
      <Field
        label="Alt text"
        hint="Describe the image for readers who cannot see it."
        value={alt}
        onChange={(event) => setAlt(event.target.value)}
      />
      <Field
        label="Credit"
        placeholder="Photographer / Agency"
        value={credit}
        onChange={(event) => setCredit(event.target.value)}
      />
      {confirmed ? (
        <p className="modal-warning" role="alert">
          This figure has no {missing}. Alt text tells readers who cannot see the image what it shows; the credit names
          who owns it. Fill them in, or choose “{editing ? 'Update' : 'Insert'} figure without {missing}”.
        </p>
      ) : null}
      {editing ? null : <p className="modal-note">After inserting, type the caption under the image.</p>}
    </Modal>
  );
}
