import { useId } from 'react';
import { useModalDialog } from '../hooks/useModalDialog.ts';
import { EDITOR_SHORTCUTS, shortcutLabel } from './shortcuts.ts';

/** The editor's keyboard shortcuts, listed from the toolbar's own table; Escape or Close dismisses it. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useModalDialog();
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal-form">
        <h2 id={titleId} className="modal-title">
          Keyboard shortcuts
        </h2>
        <dl className="modal-body shortcut-list">
          {Object.values(EDITOR_SHORTCUTS).map(({ label, shortcut }) => (
            <div key={shortcut} className="shortcut-row">
              <dt>{label}</dt>
              <dd>
                <kbd>{shortcutLabel(shortcut)}</kbd>
              </dd>
            </div>
          ))}
        </dl>
        <div className="modal-actions">
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
