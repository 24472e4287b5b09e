import { useMemo, useState } from 'react';
import type { Article } from '../../../shared/api.ts';
import { isEditorial, type Role } from '../../../shared/roles.ts';
import { namesOf } from '../workflow/describeActivity.ts';
import { formatDateTime } from '../format/formatDateTime.ts';
import { PublicationList } from './PublicationList.tsx';
import { sitePath } from './publishApi.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { scrollToBlock } from './scrollToBlock.ts';
import { pendingPublishAt, siteStatus } from './siteStatus.ts';
import { UnpublishDialog } from './UnpublishDialog.tsx';
import { usePublishing } from './usePublishing.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import './publish.css';

/**
 * The story's life on the public site: state, public address, preview and publish, unpublish,
 * schedule and embargo (editors and admins), and every publication with its webhook delivery.
 * Everyone else sees the same state without the controls.
 */
export function PublishPanel({ article, role, onChanged }: {
  article: Article;
  role: Role;
  /** Publishing moves the story's status: re-read it. */
  onChanged: () => void;
}) {
  const { state, error, refresh } = usePublishing(article.id, article.status);
  const [dialog, setDialog] = useState<'publish' | 'unpublish' | null>(null);
  const names = useMemo(() => namesOf(article), [article]);
  const manage = isEditorial(role);
  const status = state ? siteStatus(state, new Date()) : null;
  const latest = state?.publications[0];
  const path = state?.url ?? (latest ? sitePath(latest.section, latest.slug) : null);
  const scheduled = state ? pendingPublishAt(state) : null;
  const mayPublish = article.status === 'approved' || article.status === 'published';
  const republish = (state?.publications.length ?? 0) > 0;

  const changed = () => {
    void refresh();
    onChanged();
  };

  return (
    <section className="publish-panel" aria-labelledby="publish-panel-heading">
      <h2 id="publish-panel-heading" className="panel-heading">
        Publishing
      </h2>
      <ErrorBanner error={error} />
      {status ? (
        <p className="site-status">
          <span className={`site-badge site-badge-${status.kind}`}>{status.label}</span>
          {status.kind === 'embargoed' ? <span> until {formatDateTime(status.until)}</span> : null}
          {scheduled ? <span className="site-scheduled">Scheduled for {formatDateTime(scheduled)}</span> : null}
        </p>
      ) : (
        <p className="loading">Loading…</p>
      )}
      {path && (status?.kind === 'live' || status?.kind === 'embargoed') ? (
        <p className="site-link">
          On the site:{' '}
          <a href={path} target="_blank" rel="noopener">
            {path}
          </a>
        </p>
      ) : null}
      {manage && state ? (
        <>
          <div className="publish-actions">
            <button type="button" className="button button-primary" onClick={() => setDialog('publish')}>
              {mayPublish ? (republish ? 'Preview & publish update…' : 'Preview & publish…') : 'Preview…'}
            </button>
            {status?.kind === 'live' || status?.kind === 'embargoed' ? (
              <button type="button" className="button button-danger-quiet" onClick={() => setDialog('unpublish')}>
                Unpublish…
              </button>
            ) : null}
          </div>
          <ScheduleForm articleId={article.id} schedule={state.schedule} onSaved={() => void refresh()} />
        </>
      ) : null}
      {state ? <PublicationList articleId={article.id} publications={state.publications} deliveries={state.deliveries} names={names} /> : null}

      {dialog === 'publish' ? (
        <PublishDialog
          articleId={article.id}
          mayPublish={mayPublish}
          republish={republish}
          onPublished={() => {
            setDialog(null);
            changed();
          }}
          onShowBlock={(blockIndex) => scrollToBlock(blockIndex)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'unpublish' && path ? (
        <UnpublishDialog
          articleId={article.id}
          path={path}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      ) : null}
    </section>
  );
}
