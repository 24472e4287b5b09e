import { useState } from 'react';
import type { ActivityEntry } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { restoreArticle } from '../api.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { formatMoment } from './describeActivity.ts';

/** Over a spiked story: who spiked it (by display name, from the activity) and when, with Restore (and, for admins, Delete for good). */
export function SpikedBanner({ article, activity, mayRestore, mayDelete, onRestored, onDelete }: {
  article: Article;
  activity: readonly ActivityEntry[];
  mayRestore: boolean;
  mayDelete: boolean;
  onRestored: (article: Article) => void;
  onDelete: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!article.spikedAt) return null;
  const by = activity.findLast((entry) => entry.action === 'spike')?.actorName ?? article.spikedBy ?? 'someone';

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      onRestored(await restoreArticle(article.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="banner banner-spiked" aria-label="Spiked story">
      <span>
        Spiked by {by} on {formatMoment(article.spikedAt)}. It is off the story list and read-only until it is restored.
      </span>
      {mayRestore ? (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore()}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      ) : null}
      {mayDelete ? (
        <button type="button" className="button button-danger-quiet" disabled={busy} onClick={onDelete}>
          Delete for good…
        </button>
      ) : null}
      {error ? (
        <span className="banner-error-text" role="alert">
          {error}
        </span>
      ) : null}
    </section>
  );
}
