import type { ActivityEntry } from '../../../shared/accounts.ts';
import { relativeTime } from '../format/relativeTime.ts';
import { activityNote, describeActivity } from './describeActivity.ts';
import { formatDateTime } from '../format/formatDateTime.ts';

/** The story's activity, newest first: creation, transitions with their notes, assignments, publishing and review settings. */
export function ActivityTimeline({ entries, names }: { entries: readonly ActivityEntry[]; names: ReadonlyMap<string, string> }) {
  return (
    <section className="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="panel-heading">
        Activity
      </h2>
      {entries.length === 0 ? (
        <p className="field-hint">Nothing yet: submissions, reviews and assignments appear here.</p>
      ) : (
        <ol className="activity-list" aria-label="Story activity">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id} className="activity-entry">
              <p className="activity-what">{describeActivity(entry, names)}</p>
              {activityNote(entry) ? <blockquote className="activity-note">{activityNote(entry)}</blockquote> : null}
              <time className="activity-when" dateTime={entry.at} title={formatDateTime(entry.at)}>
                {relativeTime(entry.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
