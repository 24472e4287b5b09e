import type { ActivityEntry } from '../../../shared/accounts.ts';

/** The editor's reason for sending the story back, shown above the story until it is resubmitted. */
export function SendBackNote({ entry, names }: { entry: ActivityEntry; names: ReadonlyMap<string, string> }) {
  const who = entry.actorName ?? names.get(entry.actor.toLowerCase()) ?? entry.actor;
  return (
    <section className="banner banner-note" aria-label="Sent back">
      <strong>Sent back by {who}</strong>
      {entry.note ? <p className="send-back-note">{entry.note}</p> : null}
    </section>
  );
}
