import { useEffect, useId, useState } from 'react';
import { formatDateTime } from '../format/formatDateTime.ts';
import { fromLocalInput, toLocalInput } from './localDateTime.ts';
import { setSchedule } from './publishApi.ts';
import type { Schedule } from '../../../shared/publishing.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

/** When the story goes out by itself and until when nothing of it is public; local time shown, ISO sent. */
export function ScheduleForm({ articleId, schedule, onSaved }: {
  articleId: string;
  schedule: Schedule | null;
  onSaved: () => void;
}) {
  const publishId = useId();
  const embargoId = useId();
  const [publishAt, setPublishAt] = useState(toLocalInput(schedule?.publishAt ?? null));
  const [embargo, setEmbargo] = useState(toLocalInput(schedule?.embargoUntil ?? null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // Follows the server when nobody is typing (a scheduled publication fired, a colleague changed it).
  useEffect(() => {
    if (busy) return;
    setPublishAt(toLocalInput(schedule?.publishAt ?? null));
    setEmbargo(toLocalInput(schedule?.embargoUntil ?? null));
  }, [schedule?.publishAt, schedule?.embargoUntil, busy]);

  const unchanged = publishAt === toLocalInput(schedule?.publishAt ?? null) && embargo === toLocalInput(schedule?.embargoUntil ?? null);

  async function save() {
    const publishIso = publishAt ? fromLocalInput(publishAt) : null;
    const embargoIso = embargo ? fromLocalInput(embargo) : null;
    if ((publishAt && !publishIso) || (embargo && !embargoIso)) {
      setError('Enter a full date and time.');
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await setSchedule(articleId, publishIso, embargoIso);
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="schedule-form"
      aria-label="Schedule"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor={publishId} className="field-label">
          Publish at
        </label>
        <input
          id={publishId}
          type="datetime-local"
          className="field-input"
          value={publishAt}
          onChange={(event) => {
            setPublishAt(event.target.value);
            setSaved(false);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={embargoId} className="field-label">
          Embargo until
        </label>
        <input
          id={embargoId}
          type="datetime-local"
          className="field-input"
          value={embargo}
          onChange={(event) => {
            setEmbargo(event.target.value);
            setSaved(false);
          }}
        />
      </div>
      <p className="field-hint">Times are in your time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}).</p>
      {schedule?.lastError ? (
        <p className="banner banner-error" role="alert">
          The scheduled publication failed: {schedule.lastError}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      <div className="schedule-actions">
        <button type="submit" className="button button-quiet" disabled={busy || unchanged}>
          {busy ? 'Saving…' : 'Save schedule'}
        </button>
        {saved && unchanged ? <span className="schedule-saved">Saved</span> : null}
        {schedule?.updatedAt && (schedule.publishAt || schedule.embargoUntil) ? (
          <span className="field-hint">Set {formatDateTime(schedule.updatedAt)}</span>
        ) : null}
      </div>
    </form>
  );
}
