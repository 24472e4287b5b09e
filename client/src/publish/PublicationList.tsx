import { useState } from 'react';
import { formatDateTime } from '../format/formatDateTime.ts';
import { sitePath } from './publishApi.ts';
import type { PublicationSummary, WebhookDeliveryView } from '../../../shared/publishing.ts';
import { PublicationViewer } from './PublicationViewer.tsx';
import { deliveriesOf, describeDelivery } from './siteStatus.ts';

/** A story's publications, newest first: version, when, who, correction, address and webhook delivery state. */
export function PublicationList({ articleId, publications, deliveries, names }: {
  articleId: string;
  publications: readonly PublicationSummary[];
  deliveries: readonly WebhookDeliveryView[];
  /** Display names by username. */
  names: ReadonlyMap<string, string>;
}) {
  const [viewing, setViewing] = useState<number | null>(null);
  if (publications.length === 0) return null;
  const unpublishes = deliveries.filter((delivery) => delivery.publicationId === null);
  return (
    <>
      <ol className="publication-list" aria-label="Publications">
        {publications.map((publication) => {
          const path = sitePath(publication.section, publication.slug);
          return (
            <li key={publication.id} className="publication">
              <div className="publication-head">
                <strong>Version {publication.version}</strong>
                <button type="button" className="link-button" onClick={() => setViewing(publication.version)}>
                  View
                </button>
              </div>
              <p className="publication-meta">
                <time dateTime={publication.publishedAt}>{formatDateTime(publication.publishedAt)}</time> by{' '}
                {names.get(publication.publishedBy.toLowerCase()) ?? publication.publishedBy}
              </p>
              {publication.embargoUntil ? (
                <p className="publication-meta">Embargoed until {formatDateTime(publication.embargoUntil)}</p>
              ) : null}
              {publication.correction ? <p className="publication-correction">Correction: {publication.correction}</p> : null}
              <p className="publication-meta">
                <a href={path} target="_blank" rel="noopener">
                  {path}
                </a>
              </p>
              {deliveriesOf(deliveries, publication.id).map((delivery) => (
                <p key={delivery.id} className={`delivery delivery-${delivery.state}`}>
                  Webhook {describeDelivery(delivery)}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {unpublishes.slice(0, 3).map((delivery) => (
        <p key={delivery.id} className={`delivery delivery-${delivery.state}`}>
          Webhook {describeDelivery(delivery)}
        </p>
      ))}
      {viewing !== null ? <PublicationViewer articleId={articleId} version={viewing} onClose={() => setViewing(null)} /> : null}
    </>
  );
}
