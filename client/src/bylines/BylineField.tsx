import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { BylineAuthor } from '../../../shared/article/byline.ts';
import type { BylinePerson } from '../../../shared/sections.ts';
import { listBylinePeople } from './bylineApi.ts';
import './bylines.css';

/**
 * The colleague `text` names: their display name or "@username", in any case; null otherwise, and
 * the text is a free-text name (a stringer called "Ed" is not the account "ed").
 */
export function personNamed(people: readonly BylinePerson[], text: string): BylinePerson | null {
  const wanted = text.trim().toLowerCase();
  if (wanted.startsWith('@')) return people.find((p) => p.username.toLowerCase() === wanted.slice(1)) ?? null;
  return people.find((p) => p.displayName.toLowerCase() === wanted) ?? null;
}

/**
 * The byline as its authors: chips for the people named so far, an account's with its @username;
 * typing a colleague's name (offered from the people directory) adds the account, anything else a
 * free-text name, on Enter or when the field is left. `readOnly` shows the chips alone.
 */
export function BylineField({ authors, readOnly = false, onChange }: {
  authors: readonly BylineAuthor[];
  readOnly?: boolean;
  onChange: (authors: BylineAuthor[]) => void;
}) {
  const id = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const [people, setPeople] = useState<BylinePerson[]>([]);

  useEffect(() => {
    if (readOnly) return;
    let live = true;
    // Without the directory (offline, or a role that may not read it) free-text names still work.
    listBylinePeople().then(
      (list) => live && setPeople(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [readOnly]);

  function commit() {
    const text = draft.replace(/\s+/g, ' ').trim();
    setDraft('');
    if (text === '') return;
    const person = personNamed(people, text);
    onChange([...authors, person ? { name: person.displayName, username: person.username } : { name: text }]);
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && authors.length > 0) {
      onChange(authors.slice(0, -1));
    }
  }

  const named = new Set(authors.flatMap((author) => (author.username ? [author.username.toLowerCase()] : [])));
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Byline
      </label>
      <div className="tags">
        <ul className="tag-list" aria-label="Authors">
          {authors.map((author, index) => (
            <li key={`${author.username ?? ''}:${author.name}:${index}`} className={author.username ? 'tag byline-account' : 'tag'}>
              <span>{author.name}</span>
              {author.username ? <span className="byline-username">@{author.username}</span> : null}
              {readOnly ? null : (
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove ${author.name} from the byline`}
                  onClick={() => onChange(authors.filter((_, other) => other !== index))}
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
          list={listId}
          value={draft}
          placeholder={authors.length === 0 ? 'A colleague or a name, press Enter' : 'Add…'}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKey}
          onBlur={commit}
        />
        <datalist id={listId}>
          {people
            .filter((person) => !named.has(person.username.toLowerCase()))
            .map((person) => (
              <option key={person.username} value={person.displayName}>
                @{person.username}
              </option>
            ))}
        </datalist>
      </div>
    </div>
  );
}
