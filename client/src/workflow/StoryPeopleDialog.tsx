import { useEffect, useId, useState } from 'react';
import type { Person } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { ROLE_LABELS, isEditorial } from '../../../shared/roles.ts';
import { listPeople, setAssignees, setReviewer } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

function parseUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).map((name) => name.trim()).filter(Boolean))];
}

const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName);

/**
 * Assigned reporters and the reviewing editor, for editors and admins, picked from the people
 * directory: a checkbox per colleague who may write, a choice of editors. Should the directory
 * not load, usernames can still be typed.
 */
export function StoryPeopleDialog({ article, onDone, onCancel }: {
  article: Article;
  onDone: (article: Article) => void;
  onCancel: () => void;
}) {
  const reviewerId = useId();
  const [assigned, setAssigned] = useState<string[]>(article.assignees.map((a) => a.username));
  const [assigneesText, setAssigneesText] = useState(article.assignees.map((a) => a.username).join(', '));
  const [reviewer, setReviewerName] = useState(article.reviewer?.username ?? '');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [directoryFailed, setDirectoryFailed] = useState(false);
  const { busy, error, run } = useDialogSubmit();

  useEffect(() => {
    listPeople().then(
      (all) => setPeople(all.sort(byName)),
      () => setDirectoryFailed(true),
    );
  }, []);

  const writers = (people ?? []).filter((person) => person.role !== 'viewer');
  const editors = (people ?? []).filter((person) => isEditorial(person.role));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  // Someone assigned earlier whose account since left the directory stays listed, so saving keeps them unless unticked.
  const missing = article.assignees.filter((a) => people !== null && !writers.some((w) => same(w.username, a.username)));

  function toggle(username: string, on: boolean) {
    setAssigned((current) => (on ? [...current, username] : current.filter((name) => !same(name, username))));
  }

  function save(): Promise<void> {
    return run(async () => {
      let latest = article;
      const wanted = directoryFailed ? parseUsernames(assigneesText) : assigned;
      const current = article.assignees.map((a) => a.username);
      const key = (names: string[]) => names.map((name) => name.toLowerCase()).sort().join('\n');
      if (key(wanted) !== key(current)) latest = await setAssignees(article.id, wanted);
      const nextReviewer = reviewer.trim() || null;
      if ((nextReviewer ?? '').toLowerCase() !== (article.reviewer?.username ?? '').toLowerCase()) {
        latest = await setReviewer(article.id, nextReviewer);
      }
      onDone(latest);
    });
  }

  return (
    <Modal
      title="People on this story"
      submitLabel={busy ? 'Saving…' : 'Save'}
      submitDisabled={busy || (people === null && !directoryFailed)}
      onSubmit={() => void save()}
      onCancel={onCancel}
      error={error}
    >
      {directoryFailed ? (
        <>
          <Field
            label="Assigned reporters"
            hint="The people directory could not be loaded: type usernames, separated by commas."
            value={assigneesText}
            autoFocus
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => setAssigneesText(event.target.value)}
          />
          <Field
            label="Reviewing editor"
            hint="A username; leave empty for none."
            value={reviewer}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => setReviewerName(event.target.value)}
          />
        </>
      ) : people === null ? (
        <p className="field-hint">Loading the newsroom…</p>
      ) : (
        <>
          <fieldset className="field people-picker">
            <legend className="field-label">Assigned reporters</legend>
            <p className="field-hint">Assigned people can edit the story while it is a draft or in review.</p>
            <ul className="people-choices">
              {[...writers, ...missing.map((a) => ({ ...a, role: 'reporter' as const }))].map((person) => (
                <li key={person.username}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={assigned.some((name) => same(name, person.username))}
                      onChange={(event) => toggle(person.username, event.target.checked)}
                    />
                    {person.displayName}
                    <span className="people-choice-meta">
                      @{person.username} · {ROLE_LABELS[person.role]}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <label htmlFor={reviewerId} className="field-label">
              Reviewing editor
            </label>
            <select id={reviewerId} className="field-input" value={reviewer.toLowerCase()} onChange={(event) => setReviewerName(event.target.value)}>
              <option value="">No reviewer</option>
              {editors.map((person) => (
                <option key={person.username} value={person.username.toLowerCase()}>
                  {person.displayName} (@{person.username})
                </option>
              ))}
              {article.reviewer && !editors.some((e) => same(e.username, article.reviewer!.username)) ? (
                <option value={article.reviewer.username.toLowerCase()}>{article.reviewer.displayName}</option>
              ) : null}
            </select>
          </div>
        </>
      )}
    </Modal>
  );
}
