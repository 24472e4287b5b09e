import { useState } from 'react';
import { PASSWORD_MIN_LENGTH, type PublicUser, type UpdateUserBody } from '../../../shared/accounts.ts';
import type { Role } from '../../../shared/roles.ts';
import { updateUser } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { PasswordStrength } from './PasswordStrength.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { usePasswordVerdict } from './usePasswordVerdict.ts';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** Changes one account: display name, role, a new password, disabled. Only what changed is sent. */
export function EditUserDialog({ user, onSaved, onCancel }: {
  user: PublicUser;
  onSaved: (user: PublicUser) => void;
  onCancel: () => void;
}) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(user.disabled);
  const { busy, error, run } = useDialogSubmit();

  const changes: UpdateUserBody = {};
  if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
  if (role !== user.role) changes.role = role;
  if (password) changes.password = password;
  if (disabled !== user.disabled) changes.disabled = disabled;
  const changed = Object.keys(changes).length > 0;
  const { verdict, current } = usePasswordVerdict(password, { username: user.username, displayName: displayName.trim() });
  const passwordRefused = current && verdict?.ok === false;

  function save(): Promise<void> {
    return run(async () => {
      onSaved(await updateUser(user.username, changes));
    });
  }

  return (
    <Modal
      title={`Edit ${user.username}`}
      submitLabel={busy ? 'Saving…' : 'Save changes'}
      submitDisabled={busy || !changed || !displayName.trim() || passwordRefused}
      onSubmit={() => void save()}
      onCancel={onCancel}
      error={error}
    >
      <Field label="Display name" value={displayName} autoFocus onChange={(event) => setDisplayName(event.target.value)} />
      <RoleSelect value={role} onChange={setRole} />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`Leave empty to keep the current one. At least ${PASSWORD_MIN_LENGTH} characters; signs the user out everywhere.`}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <PasswordStrength verdict={verdict} />
      <label className="checkbox">
        <input type="checkbox" checked={disabled} onChange={(event) => setDisabled(event.target.checked)} />
        Disabled: cannot sign in, open sessions end
      </label>
    </Modal>
  );
}
