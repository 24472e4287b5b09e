/** The "Editing / Suggesting" switch; locked on (with the reason) when the story requires suggestions. */
export function SuggestingToggle({ on, required, onChange }: { on: boolean; required: boolean; onChange: (on: boolean) => void }) {
  const reason = required ? 'An editor requires suggestions while this story is in review.' : undefined;
  const segment = (value: boolean, label: string) => (
    <button
      type="button"
      className="segment"
      aria-pressed={on === value}
      disabled={required}
      // Keeps the editor's selection, like the formatting buttons.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChange(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="suggesting-mode" title={reason}>
      <div className="segmented" role="group" aria-label="Editing mode">
        {segment(false, 'Editing')}
        {segment(true, 'Suggesting')}
      </div>
      {required ? <span className="suggesting-required">{reason}</span> : null}
    </div>
  );
}
