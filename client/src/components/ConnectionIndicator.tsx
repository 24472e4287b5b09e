import type { ConnectionLabel } from '../collab/connectionLabel.ts';

/** The dot and words telling the writer whether their work is safe. */
export function ConnectionIndicator({ label }: { label: ConnectionLabel }) {
  return (
    <p className={`connection connection-${label.tone}`} role="status" aria-live="polite" data-tone={label.tone}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text">{label.text}</span>
    </p>
  );
}
