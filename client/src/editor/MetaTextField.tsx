import { useEffect, useId, useRef, useState } from 'react';

/**
 * A meta field shared with everyone in the story. Each keystroke is written to the document;
 * a remote change replaces the value unless this person is typing in the field right now.
 */
export function MetaTextField({ label, value, placeholder, readOnly = false, onChange }: {
  label: string;
  value: string;
  placeholder?: string;
  readOnly?: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="field-input"
        value={draft}
        placeholder={readOnly ? undefined : placeholder}
        readOnly={readOnly}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          setDraft(value);
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
