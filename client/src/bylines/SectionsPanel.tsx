import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DeskSection } from '../../../shared/sections.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { addSection, listSections, removeSection, renameSection, setSectionsListOnly } from './bylineApi.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import './bylines.css';

/**
 * The users page's "Sections": the desk's section list, which the story's section field offers.
 * Admins add, rename and remove sections; stories keep the section text they have.
 */
export function SectionsPanel() {
  const newId = useId();
  const [sections, setSections] = useState<DeskSection[] | null>(null);
  const [listOnly, setListOnly] = useState(false);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    const list = await listSections();
    setSections(list.sections);
    setListOnly(list.listOnly);
  }

  useEffect(() => {
    refresh().catch((failure: unknown) => setError(errorMessage(failure)));
  }, []);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(() => addSection(name))) setName('');
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const { id, name: next } = editing;
    if (await run(() => renameSection(id, next))) setEditing(null);
  }

  return (
    <section className="sections-panel" aria-labelledby="sections-title">
      <h2 id="sections-title">Sections</h2>
      <p className="field-hint">Offered in every story’s section field; unless the box below is ticked, any other section may still be typed.</p>
      {sections && sections.length > 0 ? (
        <ul className="sections-list" aria-label="Sections">
          {sections.map((section) =>
            editing?.id === section.id ? (
              <li key={section.id}>
                <form className="sections-row" onSubmit={(event) => void rename(event)}>
                  <input
                    className="field-input"
                    aria-label={`New name of ${section.name}`}
                    value={editing.name}
                    onChange={(event) => setEditing({ id: section.id, name: event.target.value })}
                  />
                  <button type="submit" className="button" disabled={busy}>
                    Save
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              </li>
            ) : (
              <li key={section.id} className="sections-row">
                <span className="sections-name">{section.name}</span>
                <button type="button" className="link-button" aria-label={`Rename ${section.name}`} onClick={() => setEditing({ id: section.id, name: section.name })}>
                  Rename
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${section.name}`}
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(`Remove the section ${section.name}? Stories in it keep their section.`)) void run(() => removeSection(section.id));
                  }}
                >
                  Remove
                </button>
              </li>
            ),
          )}
        </ul>
      ) : sections ? (
        <p className="panel-empty">No sections yet.</p>
      ) : null}
      <label className="sections-row">
        <input
          type="checkbox"
          checked={listOnly}
          disabled={busy || sections === null}
          onChange={(event) => {
            const on = event.target.checked;
            // The box shows what was asked at once; the server's answer (or the old state, on failure) follows.
            setListOnly(on);
            void run(() => setSectionsListOnly(on)).then((saved) => {
              if (!saved) setListOnly(!on);
            });
          }}
        />
        Sections from this list only (no free text in the section field)
      </label>
      <form className="sections-row" onSubmit={(event) => void add(event)}>
        <label htmlFor={newId} className="visually-hidden">
          New section
        </label>
        <input id={newId} className="field-input" placeholder="New section, e.g. World" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button" disabled={busy || name.trim() === ''}>
          Add section
        </button>
      </form>
      <ErrorBanner error={error} />
    </section>
  );
}
