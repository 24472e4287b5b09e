import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicationStore, WebhookDelivery, WebhookDeliveryStore } from './PublicationStore.ts';
import { testPublication } from './publicationStoreContract.ts';

/** What a WebhookDeliveryStore implementation gives the contract suite. */
export interface WebhookDeliveryStoreHarness {
  store: WebhookDeliveryStore;
  /** The publications of the same database, which deliveries may refer to. */
  publications: PublicationStore;
  /** Makes `articleId` a story deliveries may refer to (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  close(): void | Promise<void>;
}

/** Runs the WebhookDeliveryStore contract against any implementation; every backend must pass it. */
export function webhookDeliveryStoreContract(
  name: string,
  createHarness: () => WebhookDeliveryStoreHarness | Promise<WebhookDeliveryStoreHarness>,
): void {
  describe(`WebhookDeliveryStore contract: ${name}`, () => {
    let harness: WebhookDeliveryStoreHarness;
    let deliveries: WebhookDeliveryStore;

    beforeEach(async () => {
      harness = await createHarness();
      deliveries = harness.store;
      for (const id of ['a', 'b']) await harness.ensureArticle(id);
    });
    afterEach(() => harness.close());

    it('queues deliveries, records attempts and gives up when told', async () => {
      const first = await deliveries.enqueue({ articleId: 'a', publicationId: null, event: 'publish', payload: '{"a":1}', createdAt: '2024-05-01T10:00:00.000Z' });
      const second = await deliveries.enqueue({ articleId: 'a', publicationId: null, event: 'unpublish', payload: '{}', createdAt: '2024-05-01T10:00:01.000Z' });
      expect(first).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: '2024-05-01T10:00:00.000Z' });
      expect((await deliveries.due('2024-05-01T10:00:00.500Z', 10)).map((d) => d.id)).toEqual([first.id]);
      await deliveries.markFailed(first.id, { status: 500, error: 'HTTP 500', nextAttemptAt: '2024-05-01T10:00:05.000Z' });
      expect(await deliveries.get(first.id)).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: '2024-05-01T10:00:05.000Z' });
      expect(await deliveries.nextAttemptAt()).toBe('2024-05-01T10:00:01.000Z');
      await deliveries.markDelivered(second.id, 204, '2024-05-01T10:00:02.000Z');
      expect(await deliveries.get(second.id)).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204, lastError: null, deliveredAt: '2024-05-01T10:00:02.000Z' });
      await deliveries.markFailed(first.id, { status: null, error: 'connection refused', nextAttemptAt: null });
      expect(await deliveries.get(first.id)).toMatchObject({
        state: 'failed',
        attempts: 2,
        lastStatus: null,
        lastError: 'connection refused',
        // Giving up keeps the time of the last planned attempt.
        nextAttemptAt: '2024-05-01T10:00:05.000Z',
      });
      expect(await deliveries.nextAttemptAt()).toBeNull();
      expect(await deliveries.due('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
      expect((await deliveries.forArticle('a')).map((d) => d.event)).toEqual(['unpublish', 'publish']);
    });

    it('stores a delivery exactly: its publication, the body byte for byte, no attempt yet', async () => {
      const publication = await harness.publications.insert(testPublication('a', 1));
      const payload = '{ "uri": "https://x.test/a",\n  "headline": "Ça coûte 5 €", "a": 1 }';
      const delivery = await deliveries.enqueue({ articleId: 'a', publicationId: publication.id, event: 'update', payload, createdAt: '2024-05-01T10:00:00.000Z' });
      expect(delivery).toEqual({
        id: delivery.id,
        articleId: 'a',
        publicationId: publication.id,
        event: 'update',
        payload,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: '2024-05-01T10:00:00.000Z',
        lastStatus: null,
        lastError: null,
        createdAt: '2024-05-01T10:00:00.000Z',
        deliveredAt: null,
      });
      expect(typeof delivery.id).toBe('number');
      expect(await deliveries.get(delivery.id)).toEqual(delivery);
      expect(await deliveries.forArticle('a')).toEqual([delivery]);
    });

    it('has nothing for what does not exist', async () => {
      expect(await deliveries.get(12345)).toBeNull();
      expect(await deliveries.forArticle('a')).toEqual([]);
      expect(await deliveries.nextAttemptAt()).toBeNull();
      expect(await deliveries.due('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('hands out due deliveries oldest first, queue order among equal times, at most `limit`', async () => {
      const at = '2024-05-01T10:00:00.000Z';
      const queued: WebhookDelivery[] = [];
      for (const articleId of ['b', 'a', 'b']) queued.push(await deliveries.enqueue({ articleId, publicationId: null, event: 'publish', payload: '{}', createdAt: at }));
      const earlier = await deliveries.enqueue({ articleId: 'a', publicationId: null, event: 'publish', payload: '{}', createdAt: '2024-05-01T09:59:59.999Z' });
      const ids = queued.map((d) => d.id);
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]! && ids[2]! < earlier.id).toBe(true);
      expect((await deliveries.due(at, 10)).map((d) => d.id)).toEqual([earlier.id, ...ids]);
      expect((await deliveries.due(at, 2)).map((d) => d.id)).toEqual([earlier.id, ids[0]]);
      // Due at exactly its time, not a moment before.
      expect((await deliveries.due('2024-05-01T09:59:59.999Z', 10)).map((d) => d.id)).toEqual([earlier.id]);
      expect((await deliveries.forArticle('b')).map((d) => d.id)).toEqual([ids[2], ids[0]]);
    });
  });
}
