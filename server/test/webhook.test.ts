import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';
import { ManualClock } from '../publish/ManualClock.ts';
import { verifyWebhookSignature } from '../publish/signWebhookBody.ts';
import type { WebhookDelivery } from '../storage/PublicationStore.ts';
import { api, createStory, signInAdmin, tempDataDir, TEST_ADMIN_PASSWORD, waitFor, type Auth } from './helpers.ts';
import { approve, ninjsErrors, storyWith, writeStory } from './publishingHelpers.ts';

const SECRET = 'webhook secret for the site';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A site's receiver on port 0: records every POST and answers with the next status of `answers` (200 once they run out). */
async function receiver(answers: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/copydesk`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('publish webhook', () => {
  const dir = tempDataDir();
  const clock = new ManualClock(new Date());
  let site: Awaited<ReturnType<typeof receiver>>;
  let server: RunningServer;
  let admin: Auth;
  let id: string;

  beforeAll(async () => {
    site = await receiver([500, 503]);
    server = await startServer(
      testConfig({
        dataDir: dir.dataDir,
        adminPassword: TEST_ADMIN_PASSWORD,
        unloadDelayMs: 50,
        summaryDebounceMs: 20,
        publicSiteUrl: 'https://daily.example.org',
        publishWebhookUrl: site.url,
        publishWebhookSecret: SECRET,
      }),
      { clock, timers: clock },
    );
    admin = await signInAdmin(server.url);
    id = await createStory(server.url, 'Hooked', admin);
    await writeStory(server.url, id, admin, storyWith());
    await approve(server.url, id, admin);
  });
  afterAll(async () => {
    await server.stop();
    await site.close();
    dir.remove();
  });

  /** Polls the story's delivery list until `check` holds. */
  const deliveriesWhen = async (what: string, check: (list: Array<Omit<WebhookDelivery, 'payload'>>) => boolean) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const list = await deliveries();
      if (check(list)) return list;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(list)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const deliveries = async () =>
    (await api<{ deliveries: Array<Omit<WebhookDelivery, 'payload'>> }>(server.url, 'GET', `/api/articles/${id}/publications`, undefined, admin)).body.deliveries;

  it('posts the signed ninjs on publish, retries with backoff after failures, and shows the delivery state', async () => {
    const published = await api(server.url, 'POST', `/api/articles/${id}/publish`, {}, admin);
    // A failing site never blocks the publication.
    expect(published.status).toBe(201);
    await waitFor('the first attempt', () => site.received.length === 1);
    await deliveriesWhen('the failure to be recorded', (list) => list[0]?.attempts === 1 && clock.pending > 0);
    expect(await deliveries()).toEqual([expect.objectContaining({ event: 'publish', state: 'pending', attempts: 1, lastStatus: 500 })]);

    clock.advance(4_000);
    // The retry is still waiting: nothing fired before its 5 s.
    expect(clock.pending).toBe(1);
    expect(site.received).toHaveLength(1);
    clock.advance(1_000);
    await waitFor('the first retry, 5 s later', () => site.received.length === 2);
    await deliveriesWhen('the second failure to be recorded', (list) => list[0]?.attempts === 2 && clock.pending > 0);
    expect((await deliveries())[0]).toMatchObject({ state: 'pending', lastStatus: 503 });
    clock.advance(9_999);
    expect(clock.pending).toBe(1);
    expect(site.received).toHaveLength(2);
    clock.advance(1);
    await waitFor('the second retry, 10 s later', () => site.received.length === 3);
    const [delivery] = await deliveriesWhen('the delivery to be marked delivered', (list) => list[0]?.state === 'delivered');
    expect(delivery).toMatchObject({ event: 'publish', state: 'delivered', attempts: 3, lastStatus: 200 });
    expect(delivery).not.toHaveProperty('payload');

    const ids = new Set(site.received.map((r) => r.headers['x-copydesk-delivery']));
    expect(ids).toEqual(new Set([String(delivery!.id)]));
    for (const { headers, body } of site.received) {
      expect(headers['x-copydesk-event']).toBe('publish');
      expect(headers['content-type']).toMatch(/^application\/json/);
      const expected = `sha256=${crypto.createHmac('sha256', SECRET).update(body).digest('hex')}`;
      expect(headers['x-copydesk-signature']).toBe(expected);
      expect(verifyWebhookSignature(body, SECRET, headers['x-copydesk-signature'] as string)).toBe(true);
      expect(verifyWebhookSignature(body, 'another secret', headers['x-copydesk-signature'] as string)).toBe(false);
      const item = JSON.parse(body) as { uri: string; pubStatus: string };
      expect(ninjsErrors(item)).toEqual([]);
      expect(item).toMatchObject({ uri: `https://daily.example.org/copydesk/articles/${id}`, pubStatus: 'usable' });
    }
  });

  it('posts update on republication and unpublish with the ninjs canceled', async () => {
    expect((await api(server.url, 'POST', `/api/articles/${id}/publish`, { correction: 'Fixed a name.' }, admin)).status).toBe(201);
    await waitFor('the update', () => site.received.length === 4);
    expect(site.received[3]!.headers['x-copydesk-event']).toBe('update');
    expect(JSON.parse(site.received[3]!.body)).toMatchObject({ version: '2' });

    expect((await api(server.url, 'POST', `/api/articles/${id}/unpublish`, {}, admin)).status).toBe(200);
    await waitFor('the unpublish', () => site.received.length === 5);
    const last = site.received[4]!;
    expect(last.headers['x-copydesk-event']).toBe('unpublish');
    expect(JSON.parse(last.body)).toMatchObject({ pubStatus: 'canceled' });
    expect(verifyWebhookSignature(last.body, SECRET, last.headers['x-copydesk-signature'] as string)).toBe(true);
    const list = await deliveriesWhen('both to be delivered', (all) => all.every((d) => d.state === 'delivered'));
    expect(list.map((d) => [d.event, d.state])).toEqual([
      ['unpublish', 'delivered'],
      ['update', 'delivered'],
      ['publish', 'delivered'],
    ]);
  });
});
