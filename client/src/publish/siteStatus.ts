import type { PublicationSummary, PublishingState, WebhookDeliveryView } from '../../../shared/publishing.ts';

/** Where a story stands with the public site, for the publish panel. */
export type SiteStatus =
  | { kind: 'never'; label: string }
  | { kind: 'live'; label: string; publication: PublicationSummary }
  | { kind: 'embargoed'; label: string; publication: PublicationSummary; until: string }
  | { kind: 'unpublished'; label: string; publication: PublicationSummary };

/** Whether the story is on the site, embargoed, taken off, or was never published, at `now`. */
export function siteStatus(state: Pick<PublishingState, 'live' | 'publications'>, now: Date): SiteStatus {
  const latest = state.publications[0];
  if (!latest || !state.live) return { kind: 'never', label: 'Not published' };
  if (state.live.state === 'unpublished') return { kind: 'unpublished', label: 'Unpublished', publication: latest };
  if (latest.embargoUntil && new Date(latest.embargoUntil).getTime() > now.getTime()) {
    return { kind: 'embargoed', label: 'Embargoed', publication: latest, until: latest.embargoUntil };
  }
  return { kind: 'live', label: 'Live', publication: latest };
}

/** A scheduled publication still to come, or null. */
export function pendingPublishAt(state: Pick<PublishingState, 'schedule'>): string | null {
  return state.schedule?.publishAt ?? null;
}

/** The webhook deliveries of one publication (unpublish deliveries have none), newest first. */
export function deliveriesOf(deliveries: readonly WebhookDeliveryView[], publicationId: number): WebhookDeliveryView[] {
  return deliveries.filter((delivery) => delivery.publicationId === publicationId).sort((a, b) => b.id - a.id);
}

/** One line about a webhook delivery: "delivered", "pending (2 attempts): HTTP 503", "failed after 12 attempts: …". */
export function describeDelivery(delivery: WebhookDeliveryView): string {
  const attempts = `${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`;
  const why = delivery.lastError ?? (delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : null);
  if (delivery.state === 'delivered') return `${delivery.event}: delivered`;
  if (delivery.state === 'failed') return `${delivery.event}: failed after ${attempts}${why ? `: ${why}` : ''}`;
  if (delivery.attempts === 0) return `${delivery.event}: pending`;
  return `${delivery.event}: pending (${attempts})${why ? `: ${why}` : ''}`;
}
