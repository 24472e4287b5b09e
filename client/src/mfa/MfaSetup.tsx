import { useState, type FormEvent } from 'react';
import type { MfaEnrolment } from '../../../shared/mfa.ts';
import { Field } from '../components/Field.tsx';
import { errorMessage } from '../format/errorMessage.ts';
import { confirmMfa, startMfa } from './mfaApi.ts';
import { QrCode } from './QrCode.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import './mfa.css';

type Step = { kind: 'start' } | { kind: 'scan'; enrolment: MfaEnrolment } | { kind: 'codes'; codes: string[] };

/**
 * Turning two-step sign-in on: the account's password again, then a new secret as a QR code (and as text, to type in), confirmed
 * with the app's first code, then the recovery codes, shown only this once. `onDone` runs when
 * the user has seen them.
 */
export function MfaSetup({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function start(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const enrolment = await startMfa(password);
      setPassword('');
      setStep({ kind: 'scan', enrolment });
    });
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => setStep({ kind: 'codes', codes: await confirmMfa(code.trim()) }));
  }

  const errorLine = error ? (
    <p className="modal-error" role="alert">
      {error}
    </p>
  ) : null;

  switch (step.kind) {
    case 'start':
      return (
        <form className="mfa-setup" onSubmit={start}>
          <p>
            Each time you sign in, Copydesk will also ask for a six-digit code from an authenticator app on your phone (Google
            Authenticator, Microsoft Authenticator, 1Password, Aegis, …). Someone who learns your password cannot sign in without it.
          </p>
          <Field
            label="Your password"
            hint="To be sure it is you who ties this account to a phone."
            type="password"
            value={password}
            autoComplete="current-password"
            onChange={(event) => setPassword(event.target.value)}
          />
          {errorLine}
          <div className="modal-actions">
            {onCancel ? (
              <button type="button" className="button button-quiet" onClick={onCancel}>
                Cancel
              </button>
            ) : null}
            <button type="submit" className="button button-primary" disabled={busy || password === ''}>
              Set up two-step sign-in
            </button>
          </div>
        </form>
      );
    case 'scan':
      return (
        <form className="mfa-setup" onSubmit={confirm}>
          <p>Scan this code with your authenticator app, then type the six-digit code it shows.</p>
          <QrCode text={step.enrolment.otpauthUrl} label="QR code for your authenticator app" />
          <p className="field-hint">
            Cannot scan? Type this key into the app instead: <code className="mfa-secret">{groups(step.enrolment.secret)}</code>
          </p>
          <Field
            label="Code from the app"
            value={code}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            spellCheck={false}
            onChange={(event) => setCode(event.target.value)}
          />
          {errorLine}
          <div className="modal-actions">
            {onCancel ? (
              <button type="button" className="button button-quiet" onClick={onCancel}>
                Cancel
              </button>
            ) : null}
            <button type="submit" className="button button-primary" disabled={busy || code.trim() === ''}>
              {busy ? 'Checking…' : 'Turn on'}
            </button>
          </div>
        </form>
      );
    case 'codes':
      return (
        <div className="mfa-setup">
          <p>
            <strong>Two-step sign-in is on.</strong> Keep these recovery codes somewhere safe: each signs you in once instead of a code, if
            you lose your phone. They are shown only now.
          </p>
          <RecoveryCodes codes={step.codes} />
          <div className="modal-actions">
            <button type="button" className="button button-primary" onClick={onDone}>
              I have saved them
            </button>
          </div>
        </div>
      );
  }
}

/** A base32 key in groups of four, easier to type. */
function groups(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
