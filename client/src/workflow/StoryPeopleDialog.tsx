import { useEffect, useId, useState } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { isEditorial } from '../../../shared/roles.ts';
import { listUsers, setAssignees, setReviewer } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';

function parseUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).map((name) => name.trim()).filter(Boolean))];
}

/**
 * Assigned reporters and the reviewing editor, for editors and admins. Accounts are offered as
 * suggestions when the user may list them (admins); anyone else types usernames.
 */
export function StoryPeopleDialog({ article, onDone, onCancel }: {
  article: Article;
  onDone: (article: Article) => void;
  onCancel: () => void;
}) {
  const reportersId = useId();
  const editorsId = useId();
  const [assignees, setAssigneesText] = useState(article.assignees.map((a) => a.username).join(', '));
  const [reviewer, setReviewerText] = useState(article.reviewer?.username ?? '');
  const [users, setUsers] = useState<PublicUser[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listUsers().then(
      (all) => setUsers(all.filter((user) => !user.disabled)),
      () => setUsers([]),
    );
  }, []);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      let latest = article;
      const wanted = parseUsernames(assignees);
      const current = article.assignees.map((a) => a.username);
      if (wanted.join('\n').toLowerCase() !== current.join('\n').toLowerCase()) latest = await setAssignees(article.id, wanted);
      const nextReviewer = reviewer.trim() || null;
      if ((nextReviewer ?? '').toLowerCase() !== (article.reviewer?.username ?? '').toLowerCase()) {
        latest = await setReviewer(article.id, nextReviewer);
      }
      onDone(latest);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <Modal
      title="People on this story"
      submitLabel={busy ? 'Saving…' : 'Save'}
      submitDisabled={busy}
      onSubmit={() => void save()}
      onCancel={onCancel}
      error={error}
    >
      <Field
        label="Assigned reporters"
        hint="Usernames, separated by commas. Assigned reporters can edit the story."
        value={assignees}
        list={reportersId}
        autoFocus
        autoCapitalize="none"
        spellCheck={false}
        onChange={(event) => setAssigneesText(event.target.value)}
      />
      <Field
        label="Reviewing editor"
        hint="A username; leave empty for none."
        value={reviewer}
        list={editorsId}
        autoCapitalize="none"
        spellCheck={false}
        onChange={(event) => setReviewerText(event.target.value)}
      />
      <datalist id={reportersId}>
        {users
          .filter((user) => user.role !== 'viewer')
          .map((user) => (
            <option key={user.username} value={user.username}>
              {user.displayName}
            </option>
          ))}
      </datalist>
      <datalist id={editorsId}>
        {users
          .filter((user) => isEditorial(user.role))
          .map((user) => (
            <option key={user.username} value={user.username}>
              {user.displayName}
            </option>
          ))}
      </datalist>
    </Modal>
  );
}
