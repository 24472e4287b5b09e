import { useEffect, useId, useRef, useState } from 'react';

/**
 * A meta field shared with everyone in the story. Each keystroke is written to the document;
 * a remote change replaces the value unless this person is typing in the field right now.
 */
export function MetaTextField({ label, value, placeholder, readOnly = false, suggestions, onChange }: {
  label: string;
  value: string;
  placeholder?: string;
  readOnly?: boolean;
  /** Values offered as the person types (a datalist); anything else may still be typed. */
  suggestions?: readonly string[];
  onChange: (value: string) => void;
}) {
  const listId = useId();
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
        list={suggestions && suggestions.length > 0 ? listId : undefined}
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
      {suggestions && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
