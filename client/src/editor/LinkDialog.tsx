import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { safeUrl } from '../../../shared/export/safeUrl.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';

/** Adds, changes or removes the link on the selected text. */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = String(editor.getAttributes('link').href ?? '');
  const needsText = editor.state.selection.empty && !current;
  const [href, setHref] = useState(current);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function apply() {
    const url = safeUrl(href.trim());
    if (!url) {
      setError('Use a web address (https://…), an email link (mailto:…) or a path on this site.');
      return;
    }
    const chain = editor.chain().focus();
    if (needsText) {
      const label = text.trim() || url;
      chain.insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href: url }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <Modal
      title={current ? 'Edit link' : 'Add link'}
      submitLabel={current ? 'Update link' : 'Add link'}
      submitDisabled={href.trim() === ''}
      onSubmit={apply}
      onCancel={() => {
        editor.commands.focus();
        onClose();
      }}
      error={error}
    >
      <Field
        label="Link address"
        type="text"
        inputMode="url"
        value={href}
        autoFocus
        placeholder="https://"
        onChange={(event) => setHref(event.target.value)}
      />
      {needsText ? (
        <Field label="Link text" value={text} onChange={(event) => setText(event.target.value)} />
      ) : null}
      {current ? (
        <button type="button" className="button button-danger-quiet" onClick={remove}>
          Remove link
        </button>
      ) : null}
    </Modal>
  );
}
