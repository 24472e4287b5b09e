import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index.ts';
import { startTestRedis, type TestRedis } from './support/redis.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, signInAdmin, startTestServer, tempDataDir, waitFor, type Auth, type TestClient } from './helpers.ts';

/**
 * Two Copydesk servers sharing stories through a real Redis (and, here, one SQLite file: the
 * database is shared; what this checks is the relay).
 */
describe('two servers, one story, through Redis', () => {
  const dir = tempDataDir();
  let redis: TestRedis;
  let a: RunningServer;
  let b: RunningServer;
  let admin: Auth;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
    a = await startTestServer(dir.dataDir, { redisUrl: redis.url, unloadDelayMs: 60_000 });
    b = await startTestServer(dir.dataDir, { redisUrl: redis.url, unloadDelayMs: 60_000 });
    admin = await signInAdmin(a.url);
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    dir.remove();
  });

  it('relays every keystroke between writers on both servers, and a fresh client on either loads the same story', async () => {
    const id = await createStory(a.url, 'Election night', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    for (let i = 0; i < 20; i++) {
      appendParagraph(onA.ydoc, `from A ${i}`);
      appendParagraph(onB.ydoc, `from B ${i}`);
    }
    const all = (client: TestClient) => paragraphs(client.ydoc).filter((text) => text.startsWith('from ')).sort();
    await waitFor('both writers to hold all forty paragraphs', () => all(onA).length === 40 && all(onB).length === 40);
    expect(all(onA)).toEqual(all(onB));

    const freshA = connectClient(a.url, id, { auth: admin });
    const freshB = connectClient(b.url, id, { auth: admin });
    clients.push(freshA, freshB);
    await Promise.all([freshA.synced, freshB.synced]);
    expect(all(freshA)).toEqual(all(onA));
    expect(all(freshB)).toEqual(all(onA));
    // Each keystroke is stored once, by the server that accepted it.
    expect((await api(a.url, 'GET', `/api/articles/${id}/export?format=text`, undefined, admin)).status).toBe(200);
  });

  it('catches up after Redis restarts: what one server stored meanwhile reaches the other server’s writers', async () => {
    const id = await createStory(a.url, 'Outage', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    await redis.kill();
    const deadline = Date.now() + 10_000;
    while ((await api(a.url, 'GET', '/api/health')).status !== 503 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await api(a.url, 'GET', '/api/health')).status).toBe(503);
    appendParagraph(onA.ydoc, 'typed on A while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paragraphs(onB.ydoc)).not.toContain('typed on A while Redis was down');
    await redis.start();
    await waitFor('B’s writer to catch up', () => paragraphs(onB.ydoc).includes('typed on A while Redis was down'), 20_000);
    appendParagraph(onB.ydoc, 'typed on B after');
    await waitFor('the relay to carry keystrokes again', () => paragraphs(onA.ydoc).includes('typed on B after'));
    expect((await api(a.url, 'GET', '/api/health')).status).toBe(200);
  }, 40_000);
});
