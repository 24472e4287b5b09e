import { useCallback, useEffect, useId, useState } from 'react';
import { useModalDialog } from '../hooks/useModalDialog.ts';
import type { SessionSummary } from '../../../shared/sessions.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { relativeTime } from '../format/relativeTime.ts';
import { navigate } from '../router/router.ts';
import { useSession } from './sessionContext.ts';
import { endMyOtherSessions, endMySession, listMySessions } from './sessionsApi.ts';
import './sessions.css';

/**
 * Where the signed-in user is signed in: each session's device, address, sign-in and last use,
 * with "Sign out" per session (this browser's signs out here) and "Sign out everywhere else".
 */
export function SessionsDialog({ onClose }: { onClose: () => void }) {
  const { signOut } = useSession();
  const ref = useModalDialog();
  const titleId = useId();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setSessions(await listMySessions());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function act(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await action();
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const others = sessions?.filter((session) => !session.current) ?? [];

  return (
    <dialog
      ref={ref}
      className="modal modal-wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal-form">
        <h2 id={titleId} className="modal-title">
          Sessions
        </h2>
        <p className="modal-lead">Where you are signed in. Signing a session out closes its open stories at once.</p>
        {sessions === null && error === null ? <p className="modal-note">Loading…</p> : null}
        {sessions ? (
          <ul className="session-list" aria-label="Open sessions">
            {sessions.map((session) => (
              <li key={session.id} className="session-row" aria-label={session.current ? `${session.device}, this browser` : session.device}>
                <div className="session-details">
                  <strong>{session.device}</strong>
                  {session.current ? <span className="session-current">This browser</span> : null}
                  <span className="session-meta">
                    {session.address ?? 'Unknown address'} · signed in{' '}
                    <time dateTime={session.signedInAt} title={new Date(session.signedInAt).toLocaleString()}>
                      {relativeTime(session.signedInAt)}
                    </time>{' '}
                    · last used{' '}
                    <time dateTime={session.lastUsedAt} title={new Date(session.lastUsedAt).toLocaleString()}>
                      {relativeTime(session.lastUsedAt)}
                    </time>
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busy}
                  onClick={() => {
                    if (!session.current) {
                      void act(() => endMySession(session.id));
                      return;
                    }
                    navigate('/');
                    void signOut();
                  }}
                >
                  Sign out
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {error ? (
          <p className="modal-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          {others.length > 0 ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act(endMyOtherSessions)}>
              Sign out everywhere else
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
