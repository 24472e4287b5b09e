import { useEffect, useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/roles.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { getMfaPolicy, setMfaPolicy } from './mfaApi.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

/**
 * The users page's "Two-step sign-in required for": one checkbox per role, saved at once. An
 * account of a checked role without two-step sign-in can do nothing but set it up.
 */
export function MfaPolicyPanel() {
  const [required, setRequired] = useState<Role[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    getMfaPolicy().then(setRequired, (failure: unknown) => setError(errorMessage(failure)));
  }, []);

  async function toggle(role: Role, on: boolean) {
    if (!required) return;
    const before = required;
    const wanted = on ? [...required, role] : required.filter((r) => r !== role);
    // The box shows what was asked at once; the server's answer (or the old list, on failure) follows.
    setRequired(wanted);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setRequired(await setMfaPolicy(wanted));
      setSaved(true);
    } catch (failure) {
      setRequired(before);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mfa-policy" aria-labelledby="mfa-policy-title">
      <h2 id="mfa-policy-title">Two-step sign-in</h2>
      <p className="field-hint">
        Required for the roles checked here: an account of such a role that has not set it up can do nothing else until it does (its open
        stories close). Anyone can turn it on from their account menu.
      </p>
      {required ? (
        <fieldset className="mfa-policy-roles" disabled={busy}>
          <legend className="visually-hidden">Roles that must use two-step sign-in</legend>
          {ROLES.map((role) => (
            <label key={role}>
              <input type="checkbox" checked={required.includes(role)} onChange={(event) => void toggle(role, event.target.checked)} />{' '}
              {ROLE_LABELS[role]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {saved ? (
        <p className="field-hint" role="status">
          Saved.
        </p>
      ) : null}
      <ErrorBanner error={error} />
    </section>
  );
}
