import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAVY_REQUEST_POINTS } from '../http/requestCost.ts';
import type { RunningServer } from '../index.ts';
import { rawHandshake } from './rawHandshake.ts';
import { startTestRedis, type TestRedis } from './support/redis.ts';
import { api, connectClient, createStory, createUser, metricValue, signInAdmin, startTestServer, tempDataDir, type Auth } from './helpers.ts';

const POINTS = 30;
/** Long enough that no window ends while a test spends it. */
const WINDOW_SECONDS = 120;

/** A plain signed-in read: one point. */
const READ = '/api/sections';

/** Spends `auth`'s budget with plain reads until the server refuses one; answers how many went through. */
async function spendAll(url: string, auth: Auth): Promise<{ accepted: number; refusal: Awaited<ReturnType<typeof api>> }> {
  for (let accepted = 0; accepted <= POINTS; accepted++) {
    const response = await api(url, 'GET', READ, undefined, auth);
    if (response.status !== 200) return { accepted, refusal: response };
  }
  throw new Error(`the server took more than ${POINTS} requests from one account`);
}

describe('request budget of an account, on one server', () => {
  const dir = tempDataDir();
  let server: RunningServer;
  let admin: Auth;

  beforeAll(async () => {
    server = await startTestServer(dir.dataDir, { requestBudgetPoints: POINTS, requestBudgetWindowSeconds: WINDOW_SECONDS });
    admin = await signInAdmin(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('refuses an account past its budget with 429 rate_limited and Retry-After, and nobody else', async () => {
    const rita = await createUser(server.url, admin, 'rita', 'reporter');
    const sam = await createUser(server.url, admin, 'sam', 'reporter');
    const { accepted, refusal } = await spendAll(server.url, rita.auth);
    expect(accepted).toBe(POINTS);
    expect(refusal.status).toBe(429);
    expect(refusal.body).toEqual({ error: { id: 'rate_limited', message: expect.stringMatching(/^Too many requests from your account at once\. Try again in \d+ s\.$/) } });
    const retryAfter = Number(refusal.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Asking again changes nothing: still refused, still on the same window.
    expect((await api(server.url, 'POST', '/api/articles', { headline: 'One more' }, rita.auth)).status).toBe(429);

    // A colleague, the health check and signing in are not hers to spend.
    expect((await api(server.url, 'GET', READ, undefined, sam.auth)).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
    expect((await api(server.url, 'POST', '/api/session', { username: 'rita', password: rita.password })).status).toBe(200);
    expect(await metricValue(server.url, 'copydesk_requests_over_budget_total{kind="api"}')).toBe(2);
  });

  it('charges a request that renders a whole story more than a plain one', async () => {
    const vera = await createUser(server.url, admin, 'vera', 'reporter');
    const id = await createStory(server.url, 'Harbour fire', vera.auth);
    // The story's creation took one point, each export takes HEAVY_REQUEST_POINTS.
    const exports = Math.floor((POINTS - 1) / HEAVY_REQUEST_POINTS);
    for (let i = 0; i < exports; i++) expect((await api(server.url, 'GET', `/api/articles/${id}/export?format=text`, undefined, vera.auth)).status).toBe(200);
    const left = POINTS - 1 - exports * HEAVY_REQUEST_POINTS;
    expect(left).toBeLessThan(HEAVY_REQUEST_POINTS);
    expect((await api(server.url, 'GET', `/api/articles/${id}/export?format=text`, undefined, vera.auth)).status).toBe(429);
    // The refused export cost her the rest of the window, as any refused request does.
    expect((await api(server.url, 'GET', READ, undefined, vera.auth)).status).toBe(429);
  });

  it('refuses a collaboration handshake of an account past its budget before the upgrade, and keeps its open sockets', async () => {
    const nina = await createUser(server.url, admin, 'nina', 'reporter');
    const id = await createStory(server.url, 'Council vote', nina.auth);
    const open = connectClient(server.url, id, { auth: nina.auth });
    await open.synced;
    const before = await metricValue(server.url, 'copydesk_requests_over_budget_total{kind="socket"}');
    await spendAll(server.url, nina.auth);
    const raw = rawHandshake(server.url, id, { Cookie: nina.auth.cookie });
    expect(await raw.status).toBe(429);
    await raw.closed;
    expect(await metricValue(server.url, 'copydesk_requests_over_budget_total{kind="socket"}')).toBe(before + 1);
    // The socket she had is hers still: typing is never charged.
    open.ydoc.getMap('probe').set('still', 'here');
    expect(open.provider.wsconnected).toBe(true);
    open.destroy();
    // A colleague's handshake to the same story goes through.
    const colleague = rawHandshake(server.url, id, { Cookie: admin.cookie });
    expect(await colleague.status).toBe(101);
    colleague.socket.destroy();
  });
});

describe('request budget of an account, shared by two servers through Redis', () => {
  const dir = tempDataDir();
  let redis: TestRedis;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis({ own: true });
    const shared = { redisUrl: redis.url, requestBudgetPoints: POINTS, requestBudgetWindowSeconds: WINDOW_SECONDS };
    a = await startTestServer(dir.dataDir, shared);
    b = await startTestServer(dir.dataDir, shared);
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    dir.remove();
  });

  it('spends one budget whichever server answers', async () => {
    const admin = await signInAdmin(a.url);
    const rita = await createUser(a.url, admin, 'rita', 'reporter');
    const half = POINTS / 2;
    for (let i = 0; i < half; i++) expect((await api(a.url, 'GET', READ, undefined, rita.auth)).status).toBe(200);
    for (let i = 0; i < half; i++) expect((await api(b.url, 'GET', READ, undefined, rita.auth)).status).toBe(200);
    expect((await api(a.url, 'GET', READ, undefined, rita.auth)).status).toBe(429);
    expect((await api(b.url, 'GET', READ, undefined, rita.auth)).status).toBe(429);
    expect((await api(b.url, 'GET', READ, undefined, admin)).status).toBe(200);
  });

  it('keeps counting in each server’s memory while Redis is away, and lets nobody through unbounded', async () => {
    const admin = await signInAdmin(b.url);
    const sam = await createUser(b.url, admin, 'sam', 'reporter');
    await redis.kill();
    try {
      const { accepted, refusal } = await spendAll(a.url, sam.auth);
      // Each server counts on its own meanwhile: never more than its whole budget.
      expect(accepted).toBeLessThanOrEqual(POINTS);
      expect(refusal.status).toBe(429);
    } finally {
      await redis.start();
    }
  });
});
