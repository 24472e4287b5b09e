import { useState } from 'react';
import { PASSWORD_MIN_LENGTH, type PublicUser } from '../../../shared/accounts.ts';
import type { Role } from '../../../shared/roles.ts';
import { createUser } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { PasswordStrength } from './PasswordStrength.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { usePasswordVerdict } from './usePasswordVerdict.ts';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** A new account: username, display name, role and a first password to hand over. */
export function CreateUserDialog({ onCreated, onCancel }: { onCreated: (user: PublicUser) => void; onCancel: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useDialogSubmit();
  const { verdict, current } = usePasswordVerdict(password, { username: username.trim(), displayName: displayName.trim() });

  function create(): Promise<void> {
    return run(async () => {
      onCreated(await createUser({ username: username.trim(), displayName: displayName.trim(), role, password }));
    });
  }

  return (
    <Modal
      title="New user"
      submitLabel={busy ? 'Creating…' : 'Create user'}
      submitDisabled={busy || !username.trim() || !displayName.trim() || !password || (current && verdict?.ok === false)}
      onSubmit={() => void create()}
      onCancel={onCancel}
      error={error}
    >
      <Field
        label="Username"
        hint="2–32 letters, digits, dots, dashes or underscores; used to sign in."
        value={username}
        autoFocus
        autoCapitalize="none"
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setUsername(event.target.value)}
      />
      <Field
        label="Display name"
        hint="Shown on the cursor and in the story's activity."
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <RoleSelect value={role} onChange={setRole} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, any you like: a few unusual words make a strong one. Not the username or display name.`}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <PasswordStrength verdict={verdict} />
    </Modal>
  );
}
