import { useId } from 'react';
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../../../shared/roles.ts';

/** A labelled role picker, describing what the chosen role may do. */
export function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Role
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value as Role)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {ROLE_DESCRIPTIONS[value]}
      </p>
    </div>
  );
}
