import { useEffect, useState, type FormEvent } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';
import { ApiError, signIn } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { errorMessage } from '../format/errorMessage.ts';

/** Username and password; on success the app renders the page the address asks for. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: PublicUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  /** Asked for once the server answers `mfa_required`: the password was right, the account uses two-step sign-in. */
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Sign in · Copydesk';
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn({ username: username.trim(), password, ...(needsCode ? { code: code.trim() } : {}) }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.id === 'mfa_required') {
        setNeedsCode(true);
        setError(null);
      } else {
        if (failure instanceof ApiError && failure.id === 'invalid_credentials') setNeedsCode(false);
        setError(errorMessage(failure));
      }
      setBusy(false);
    }
  }

  return (
    <main className="sign-in-page">
      <form className="sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-name">Copydesk</span>
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <Field
          label="Username"
          value={username}
          autoFocus
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          onChange={(event) => setUsername(event.target.value)}
        />
        <Field
          label="Password"
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(event) => setPassword(event.target.value)}
        />
        {needsCode ? (
          <Field
            label="Code from your authenticator app"
            hint="Six digits, or one of your recovery codes."
            value={code}
            autoFocus
            autoComplete="one-time-code"
            spellCheck={false}
            onChange={(event) => setCode(event.target.value)}
          />
        ) : null}
        {error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy || !username.trim() || !password || (needsCode && !code.trim())}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="field-hint">Ask your Copydesk administrator for an account.</p>
      </form>
    </main>
  );
}
