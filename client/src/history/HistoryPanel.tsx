import { wordCountLabel } from '../../../shared/article/storyWordCount.ts';
import { useMemo, useState } from 'react';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { relativeTime } from '../format/relativeTime.ts';
import { usePolled } from '../hooks/usePolled.ts';
import { listVersions, restoreBlock, restoreVersion, saveVersion, type VersionSummary } from './historyApi.ts';
import { VersionDialog, type VersionView } from './VersionDialog.tsx';
import { versionLabel, versionPeople } from './versionLabel.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { formatDateTime } from '../format/formatDateTime.ts';

/** Versions are kept by the server at any time (transitions, periods of editing): look again now and then. */
const REFRESH_MS = 15_000;
const NO_VERSIONS: VersionSummary[] = [];

/**
 * The story's version history: every version with its time, who edited and its length; save a
 * named version, open one read-only, compare two (or one with the current story), restore one.
 */
export function HistoryPanel({ articleId, canWrite, names }: {
  articleId: string;
  /** Whether the signed-in user may save and restore versions. */
  canWrite: boolean;
  /** Display names by username, for "who edited". */
  names: ReadonlyMap<string, string>;
}) {
  const { data, error, refresh } = usePolled(listVersions, articleId, REFRESH_MS);
  const versions = data?.versions ?? NO_VERSIONS;
  // The story's people, and everyone else a version names (the server knows every account's display name).
  const people = useMemo(() => {
    const all = new Map(names);
    for (const [username, name] of Object.entries(data?.names ?? {})) {
      if (!all.has(username.toLowerCase())) all.set(username.toLowerCase(), name);
    }
    return all;
  }, [names, data]);
  const [view, setView] = useState<VersionView | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [busyError, setBusyError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, done: () => void) {
    setBusyError(null);
    try {
      await action();
      done();
      await refresh();
    } catch (failure) {
      setBusyError(errorMessage(failure));
    }
  }

  return (
    <section className="review-panel history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading" className="panel-heading">
        History
      </h2>
      <div className="history-actions">
        {canWrite ? (
          <button type="button" className="button button-quiet" onClick={() => setSaving('')}>
            Save version…
          </button>
        ) : null}
        {versions.length > 0 ? (
          <button type="button" className="button button-quiet" onClick={() => setView({ mode: 'compare', from: versions[0]!.number, to: 'current' })}>
            Compare…
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      {versions.length === 0 && !error ? <p className="panel-empty">No versions yet.</p> : null}
      <ol className="version-list">
        {versions.map((version) => (
          <li key={version.number} className="version-item" aria-label={`Version ${version.number}: ${versionLabel(version)}`}>
            <p className="version-title">
              <span className="version-number">{version.number}</span> {versionLabel(version)}
            </p>
            <p className="version-meta">
              <time dateTime={version.createdAt} title={formatDateTime(version.createdAt)}>
                {relativeTime(version.createdAt)}
              </time>
              {' · '}
              {wordCountLabel(version.wordCount)}
              {versionPeople(version, people) ? ` · ${versionPeople(version, people)}` : ''}
            </p>
            <div className="version-actions">
              <button type="button" className="link-button" onClick={() => setView({ mode: 'open', number: version.number })}>
                Open
              </button>
              <button type="button" className="link-button" onClick={() => setView({ mode: 'compare', from: version.number, to: 'current' })}>
                Compare
              </button>
              {canWrite ? (
                <button type="button" className="link-button" onClick={() => setRestoring(version.number)}>
                  Restore…
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>

      {view ? (
        <VersionDialog
          articleId={articleId}
          versions={versions}
          view={view}
          onView={setView}
          onClose={() => setView(null)}
          onRestore={
            canWrite
              ? (number) => {
                  setView(null);
                  setRestoring(number);
                }
              : undefined
          }
          onRestoreBlock={
            canWrite
              ? async (number, block) => {
                  await restoreBlock(articleId, number, block.block);
                  await refresh();
                }
              : undefined
          }
        />
      ) : null}
      {saving !== null ? (
        <Modal
          title="Save version"
          submitLabel="Save version"
          submitDisabled={saving.trim() === ''}
          error={busyError}
          onCancel={() => {
            setSaving(null);
            setBusyError(null);
          }}
          onSubmit={() => void run(() => saveVersion(articleId, saving.trim()), () => setSaving(null))}
        >
          <Field
            label="Version name"
            autoFocus
            maxLength={200}
            value={saving}
            placeholder="Before legal read"
            onChange={(event) => setSaving(event.target.value)}
          />
        </Modal>
      ) : null}
      {restoring !== null ? (
        <Modal
          title={`Restore version ${restoring}?`}
          submitLabel="Restore"
          error={busyError}
          onCancel={() => {
            setRestoring(null);
            setBusyError(null);
          }}
          onSubmit={() => void run(() => restoreVersion(articleId, restoring), () => setRestoring(null))}
        >
          <p>
            The story goes back to version {restoring} for everyone in it. Nothing is lost: the story as it is now is kept as a
            version first.
          </p>
        </Modal>
      ) : null}
    </section>
  );
}
