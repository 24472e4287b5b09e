import { useId, useState, type KeyboardEvent } from 'react';

/** Tags as removable chips; Enter or comma adds what is typed. `readOnly` shows the chips alone. */
export function TagsField({ tags, readOnly = false, onChange }: {
  tags: string[];
  readOnly?: boolean;
  onChange: (tags: string[]) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');

  function commit() {
    const added = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (added.length > 0) onChange([...tags, ...added]);
    setDraft('');
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Tags
      </label>
      <div className="tags">
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((other) => other !== tag))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <input
          id={id}
          readOnly={readOnly}
          hidden={readOnly}
          className="tag-input"
          value={draft}
          placeholder={tags.length === 0 ? 'Add a tag, press Enter' : 'Add…'}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKey}
          onBlur={commit}
        />
      </div>
    </div>
  );
}
