import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../hooks/useModalDialog.ts';
import type { MfaStatus } from '../../../shared/mfa.ts';
import { Field } from '../components/Field.tsx';
import { errorMessage } from '../format/errorMessage.ts';
import { disableMfa, getMfaStatus } from './mfaApi.ts';
import { MfaSetup } from './MfaSetup.tsx';

/**
 * Account menu → Two-step sign-in: whether it is on and how many recovery codes are left; turn
 * it on (MfaSetup), or off with a current code or a recovery code.
 */
export function MfaDialog({ onClose }: { onClose: () => void }) {
  const ref = useModalDialog();
  const titleId = useId();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await getMfaStatus());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function turnOff(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await disableMfa(code.trim());
      setCode('');
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (status === null) {
    body = error ? null : <p className="modal-note">Loading…</p>;
  } else if (!status.enabled || settingUp) {
    body = (
      <MfaSetup
        onCancel={onClose}
        onDone={() => {
          setSettingUp(false);
          void refresh();
        }}
      />
    );
  } else {
    body = (
      <form className="mfa-setup" onSubmit={(event) => void turnOff(event)}>
        <p>
          <strong>Two-step sign-in is on.</strong> {status.recoveryCodesLeft} of your recovery codes {status.recoveryCodesLeft === 1 ? 'is' : 'are'}{' '}
          left.
        </p>
        {status.required ? <p className="field-hint">Your role requires it: if you turn it off, you will have to set it up again before anything else.</p> : null}
        <Field
          label="Code from the app, or a recovery code, to turn it off"
          value={code}
          autoComplete="one-time-code"
          spellCheck={false}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="modal-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={busy || code.trim() === ''}>
            Turn off
          </button>
        </div>
      </form>
    );
  }

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal-form">
        <h2 id={titleId} className="modal-title">
          Two-step sign-in
        </h2>
        {body}
        {error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </dialog>
  );
}
