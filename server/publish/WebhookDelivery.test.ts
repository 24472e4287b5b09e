import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, systemTimers } from './Clock.ts';
import { publishArticle } from './publishArticle.ts';
import { verifyWebhookSignature, signWebhookBody } from './signWebhookBody.ts';
import { fixtureWith, openTestNewsroom, type TestNewsroom } from './testPublishing.ts';
import { unpublishArticle } from './unpublishArticle.ts';
import { retryDelay, WebhookDeliverer } from './WebhookDelivery.ts';

const SECRET = 'webhook-secret';

interface Received {
  event: string | undefined;
  delivery: string | undefined;
  body: string;
  signatureOk: boolean;
  answered: number;
}

/** A site receiver on port 0 that fails the first `failures` requests with 503. */
async function receiver(failures: number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const answered = received.length < failures ? 503 : 204;
      received.push({
        event: req.headers['x-copydesk-event'] as string | undefined,
        delivery: req.headers['x-copydesk-delivery'] as string | undefined,
        body: body.toString('utf8'),
        signatureOk: verifyWebhookSignature(body, SECRET, req.headers['x-copydesk-signature'] as string | undefined),
        answered,
      });
      res.statusCode = answered;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/copydesk`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let n: TestNewsroom;
beforeEach(() => {
  n = openTestNewsroom();
  // Deliveries are timed by the real clock here: the receiver is real, and so are the waits.
  n.deps.clock = systemClock;
  n.addStory('a1', 'approved', fixtureWith((a) => {
    a.doc.content = a.doc.content!.filter((b) => !(b.type === 'relatedLink' && String(b.attrs?.href).startsWith('/stories/')));
  }));
});
afterEach(() => n.close());

function deliverer(url: string, secret = SECRET): WebhookDeliverer {
  return new WebhookDeliverer({
    store: n.webhooks,
    url,
    secret,
    clock: systemClock,
    timers: systemTimers,
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 4 },
  });
}

describe('signWebhookBody', () => {
  it('is the hex HMAC-SHA256 of the exact body, and verification rejects any change', () => {
    expect(signWebhookBody('{"a":1}', 'k')).toBe(`sha256=${createHmac('sha256', 'k').update('{"a":1}').digest('hex')}`);
    expect(signWebhookBody('{"a":1}', 'k')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('{"a":1}', 'k', signWebhookBody('{"a":1}', 'k'))).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', 'k', signWebhookBody('{"a":1}', 'k'))).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', 'other', signWebhookBody('{"a":1}', 'k'))).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', 'k', undefined)).toBe(false);
  });

  it('doubles the retry delay up to the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(a, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('WebhookDeliverer', () => {
  it('retries with backoff until the site accepts, with a valid signature and the event on every attempt', async () => {
    const site = await receiver(2);
    const worker = deliverer(site.url);
    n.deps.onDeliveryQueued = () => void worker.kick();
    worker.start();
    try {
      const result = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
      if (!result.ok) throw new Error(result.message);
      // Publishing did not wait for the webhook: the publication is there already.
      expect((await n.deps.publications.latest('a1'))?.version).toBe(1);
      await waitFor('delivery', async () => (await n.webhooks.get(result.delivery!.id))?.state === 'delivered');
      expect(site.received.map((r) => r.answered)).toEqual([503, 503, 204]);
      expect(site.received.every((r) => r.signatureOk && r.event === 'publish' && r.delivery === String(result.delivery!.id))).toBe(true);
      expect(JSON.parse(site.received[2]!.body)).toEqual(result.publication.ninjs);
      expect(await n.webhooks.get(result.delivery!.id)).toMatchObject({ attempts: 3, lastStatus: 204, lastError: null });

      await unpublishArticle(n.deps, { articleId: 'a1', by: 'chief' });
      await waitFor('unpublish delivery', () => site.received.length === 4);
      expect(site.received[3]).toMatchObject({ event: 'unpublish', signatureOk: true, answered: 204 });
      expect(JSON.parse(site.received[3]!.body)).toMatchObject({ pubStatus: 'canceled' });
    } finally {
      await worker.stop();
      await site.close();
    }
  });

  it('gives up after the last attempt and marks the delivery failed; the publication stays', async () => {
    const site = await receiver(100);
    const worker = deliverer(site.url);
    n.deps.onDeliveryQueued = () => void worker.kick();
    worker.start();
    try {
      const result = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
      if (!result.ok) throw new Error(result.message);
      await waitFor('failure', async () => (await n.webhooks.get(result.delivery!.id))?.state === 'failed');
      expect(site.received).toHaveLength(4);
      expect(await n.webhooks.get(result.delivery!.id)).toMatchObject({ attempts: 4, lastStatus: 503, lastError: 'HTTP 503' });
      expect((await n.deps.publications.siteState('a1'))?.state).toBe('live');
    } finally {
      await worker.stop();
      await site.close();
    }
  });

  it('a receiver checking the signature refuses a wrong secret; an unreachable site is retried; a restart resumes the queue', async () => {
    const site = await receiver(0);
    // Nothing listens on this address: connection refused, recorded, retried later.
    const closed = await receiver(0);
    await closed.close();
    const down = deliverer(closed.url);
    down.start();
    try {
      const result = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
      if (!result.ok) throw new Error(result.message);
      await down.kick();
      const after = (await n.webhooks.get(result.delivery!.id))!;
      expect(after).toMatchObject({ state: 'pending', attempts: 1, lastStatus: null });
      expect(after.lastError).toMatch(/fetch failed|ECONNREFUSED/);
      await down.stop();

      // The server restarts, now with the right URL but signing with another secret.
      const wrongSecret = deliverer(site.url, 'not-the-secret');
      wrongSecret.start();
      await waitFor('delivery after restart', async () => (await n.webhooks.get(result.delivery!.id))?.state === 'delivered');
      await wrongSecret.stop();
      expect(site.received).toHaveLength(1);
      expect(site.received[0]!.signatureOk).toBe(false);
    } finally {
      await site.close();
    }
  });
});
