import { useEffect, useState } from 'react';
import type { BackupsResponse } from '../../../shared/api.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { formatDateTime } from '../format/formatDateTime.ts';
import { getBackups, takeBackup } from './backupsApi.ts';
import { formatBytes } from './formatBytes.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import './backups.css';

/** How many of the kept copies the panel lists. */
const SHOWN = 5;

/**
 * The users page's "Backups": whether the server copies the database on a schedule (BACKUP_DIR),
 * the newest copies, and "Back up now" (before an upgrade or a bulk change).
 */
export function BackupsPanel() {
  const [state, setState] = useState<BackupsResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    getBackups().then(setState, (failure: unknown) => setError(errorMessage(failure)));
  }, []);

  async function backUpNow() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const written = await takeBackup();
      setNotice(`Backup written: ${written.file} (${formatBytes(written.bytes)}).`);
      setState(await getBackups());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="backups-panel" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      {state && !state.on ? (
        <p className="field-hint">
          This server takes no backups. On SQLite, set <code>BACKUP_DIR</code> (see the README’s Backups); on PostgreSQL, back the database up with its own tools.
        </p>
      ) : null}
      {state?.on ? (
        <>
          <p className="field-hint">
            A copy of the whole database every {state.everyMinutes === 1 ? 'minute' : `${state.everyMinutes} minutes`}, the newest {state.keep} kept. Each is
            checked before it counts.
          </p>
          {state.backups.length > 0 ? (
            <ul className="backups-list" aria-label="Newest backups">
              {state.backups.slice(0, SHOWN).map((backup) => (
                <li key={backup.file} className="backups-row">
                  <time dateTime={backup.takenAt}>{formatDateTime(backup.takenAt)}</time>
                  <span className="backups-size">{formatBytes(backup.bytes)}</span>
                  <code className="backups-file">{backup.file}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="panel-empty">No backup yet.</p>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </>
      ) : null}
      {notice ? (
        <p className="field-hint" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorBanner error={error} />
    </section>
  );
}
