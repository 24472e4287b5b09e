import { describe, expect, it } from 'vitest';
import type { PublicationSummary, WebhookDeliveryView } from '../../../shared/publishing.ts';
import { deliveriesOf, describeDelivery, siteStatus } from './siteStatus.ts';

const now = new Date('2030-05-01T12:00:00Z');

function publication(version: number, embargoUntil: string | null = null): PublicationSummary {
  return {
    id: version * 10,
    articleId: 'a1',
    version,
    publishedAt: '2030-05-01T10:00:00Z',
    publishedBy: 'ed',
    section: 'news',
    slug: 'harbour',
    headline: 'Harbour',
    standfirst: '',
    byline: '',
    tags: [],
    firstPublishedAt: '2030-05-01T10:00:00Z',
    embargoUntil,
    correction: null,
  };
}

function delivery(id: number, changes: Partial<WebhookDeliveryView>): WebhookDeliveryView {
  return {
    id,
    articleId: 'a1',
    publicationId: 10,
    event: 'publish',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2030-05-01T12:00:00Z',
    lastStatus: null,
    lastError: null,
    createdAt: '2030-05-01T12:00:00Z',
    deliveredAt: null,
    ...changes,
  };
}

const live = { articleId: 'a1', state: 'live' as const, changedAt: '2030-05-01T10:00:00Z', changedBy: 'ed' };

describe('siteStatus', () => {
  it('is "never" without a publication or a site state', () => {
    expect(siteStatus({ live: null, publications: [] }, now).kind).toBe('never');
    expect(siteStatus({ live: null, publications: [publication(1)] }, now).kind).toBe('never');
  });

  it('is live with the newest publication', () => {
    const status = siteStatus({ live, publications: [publication(2), publication(1)] }, now);
    expect(status.kind).toBe('live');
    expect(status.kind === 'live' && status.publication.version).toBe(2);
  });

  it('is embargoed until the embargo of the newest publication lifts', () => {
    const before = siteStatus({ live, publications: [publication(1, '2030-05-02T00:00:00Z')] }, now);
    expect(before).toMatchObject({ kind: 'embargoed', until: '2030-05-02T00:00:00Z' });
    const after = siteStatus({ live, publications: [publication(1, '2030-05-01T11:59:00Z')] }, now);
    expect(after.kind).toBe('live');
  });

  it('is unpublished when taken off the site, whatever the embargo', () => {
    const status = siteStatus({ live: { ...live, state: 'unpublished' }, publications: [publication(1, '2031-01-01T00:00:00Z')] }, now);
    expect(status.kind).toBe('unpublished');
  });
});

describe('webhook deliveries', () => {
  it('picks one publication’s deliveries, newest first', () => {
    const list = [delivery(1, {}), delivery(2, { publicationId: 20 }), delivery(3, {})];
    expect(deliveriesOf(list, 10).map((d) => d.id)).toEqual([3, 1]);
  });

  it('says how each delivery is going', () => {
    expect(describeDelivery(delivery(1, { state: 'delivered', attempts: 1, lastStatus: 200 }))).toBe('publish: delivered');
    expect(describeDelivery(delivery(1, {}))).toBe('publish: pending');
    expect(describeDelivery(delivery(1, { attempts: 2, lastStatus: 503 }))).toBe('publish: pending (2 attempts): HTTP 503');
    expect(describeDelivery(delivery(1, { event: 'update', state: 'failed', attempts: 12, lastError: 'connect ECONNREFUSED' }))).toBe(
      'update: failed after 12 attempts: connect ECONNREFUSED',
    );
  });
});
