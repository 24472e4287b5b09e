import { useEffect, useRef, useState } from 'react';
import { useModalDialog } from '../hooks/useModalDialog.ts';
import { compareVersions, versionHtml, type CompareTarget, type RestorableBlock, type VersionSummary } from './historyApi.ts';
import { RestorableBlocks } from './RestorableBlocks.tsx';
import { versionLabel } from './versionLabel.ts';
import { DIFF_STYLE } from '../../../shared/export/diffStyle.ts';
import { errorMessage } from '../format/errorMessage.ts';

/** What the dialog shows: one version read-only, or the changes between two. */
export type VersionView = { mode: 'open'; number: number } | { mode: 'compare'; from: number; to: CompareTarget };

/** The comparison HTML as a page of its own, for the sandboxed frame. */
function comparePage(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${DIFF_STYLE}</style></head><body>${html}</body></html>`;
}

const optionLabel = (version: VersionSummary) => `Version ${version.number}: ${versionLabel(version)}`;

/**
 * A version read-only, or two compared with insertions and deletions highlighted, in a
 * sandboxed frame (no scripts, no access to the app).
 */
export function VersionDialog({ articleId, versions, view, onView, onClose, onRestore, onRestoreBlock }: {
  articleId: string;
  versions: VersionSummary[];
  view: VersionView;
  onView: (view: VersionView) => void;
  onClose: () => void;
  /** Offered for the version being read, for users who may change the story. */
  onRestore?: (number: number) => void;
  /** Offered for each changed block when a version is compared with the current story, for users who may change it. */
  onRestoreBlock?: (number: number, block: RestorableBlock) => Promise<unknown>;
}) {
  const ref = useModalDialog();
  const [page, setPage] = useState<string | null>(null);
  const [restorable, setRestorable] = useState<RestorableBlock[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a block is restored, to compare again with the story as it is now.
  const [reload, setReload] = useState(0);
  const shown = useRef<VersionView | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    // A new view starts blank; the same view compared again (after a restore) keeps showing the old page meanwhile.
    if (shown.current !== view) {
      setPage(null);
      setRestorable([]);
      shown.current = view;
    }
    const load =
      view.mode === 'open'
        ? versionHtml(articleId, view.number)
        : compareVersions(articleId, view.from, view.to).then((comparison) => {
            if (current) setRestorable(comparison.restorable ?? []);
            return comparePage(comparison.html);
          });
    load.then(
      (html) => current && setPage(html),
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [articleId, view, reload]);

  const opened = view.mode === 'open' ? versions.find((version) => version.number === view.number) : undefined;
  const title =
    view.mode === 'open'
      ? `Version ${view.number}${opened ? `: ${versionLabel(opened)}` : ''}`
      : `Changes from version ${view.from} to ${view.to === 'current' ? 'the current story' : `version ${view.to}`}`;

  return (
    <dialog
      ref={ref}
      className="modal version-dialog"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="version-dialog-head">
        <h2 className="modal-title">{title}</h2>
        {view.mode === 'compare' ? (
          <div className="version-compare-pick">
            <label>
              From{' '}
              <select value={view.from} onChange={(event) => onView({ ...view, from: Number(event.target.value) })}>
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {optionLabel(version)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To{' '}
              <select
                value={String(view.to)}
                onChange={(event) => onView({ ...view, to: event.target.value === 'current' ? 'current' : Number(event.target.value) })}
              >
                <option value="current">Current story</option>
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {optionLabel(version)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        <div className="modal-actions">
          {view.mode === 'open' && onRestore ? (
            <button type="button" className="button button-quiet" onClick={() => onRestore(view.number)}>
              Restore this version…
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {view.mode === 'compare' && view.to === 'current' && onRestoreBlock && page !== null ? (
        <RestorableBlocks
          version={view.from}
          blocks={restorable}
          onRestore={async (block) => {
            await onRestoreBlock(view.from, block);
            setReload((count) => count + 1);
          }}
        />
      ) : null}
      {error ? (
        <p className="modal-error" role="alert">
          {error}
        </p>
      ) : page === null ? (
        <p className="loading">Loading…</p>
      ) : (
        <iframe className="version-frame" title={title} sandbox="" srcDoc={page} />
      )}
    </dialog>
  );
}
