import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { SessionList, SessionsEnded } from '../../shared/sessions.ts';
import type { RunningServer } from '../index.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import {
  api,
  connectClient,
  createStory,
  createUser,
  sessionCookieOf,
  signIn,
  signInAdmin,
  startTestServer,
  tempDataDir,
  within,
  TEST_ADMIN_PASSWORD,
  type Auth,
  type TestClient,
} from './helpers.ts';
import { startTestRedis, type TestRedis } from './support/redis.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Signs in through POST /api/session with a browser's User-Agent. */
async function signInWith(url: string, username: string, password: string, userAgent: string): Promise<Auth> {
  const response = await api(url, 'POST', '/api/session', { username, password }, null, { 'user-agent': userAgent });
  const cookie = sessionCookieOf(response.headers);
  if (response.status !== 200 || cookie === null) throw new Error(`signing in failed with ${response.status}`);
  return { cookie };
}

const listOf = async (url: string, auth: Auth) => (await api<SessionList>(url, 'GET', '/api/me/sessions', undefined, auth)).body.sessions;
const meStatus = async (url: string, auth: Auth) => (await api(url, 'GET', '/api/me', undefined, auth)).status;
/** Still open a while after whatever should have closed other sockets did. */
const stillOpen = async (client: TestClient) => (await within(client.closed, 300)) === 'pending';

describe('the session list', () => {
  const dir = tempDataDir();
  let server: RunningServer;
  let admin: Auth;
  let db: Database.Database;
  const clients: TestClient[] = [];

  /** A synced collaboration socket on a fresh story, opened with `auth`'s session. */
  async function socketOf(auth: Auth, storyAuth: Auth = auth): Promise<TestClient> {
    const client = connectClient(server.url, await createStory(server.url, 'Session story', storyAuth), { auth });
    clients.push(client);
    await client.synced;
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer(dir.dataDir);
    admin = await signInAdmin(server.url);
    db = openDatabase(dir.dataDir);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    db?.close();
    await server?.stop();
    dir.remove();
  });

  it('lists my open sessions: this one first, device, address, sign-in and last use, ids that reveal no token', async () => {
    const { password } = await createUser(server.url, admin, 'lena', 'reporter');
    const laptop = await signInWith(server.url, 'lena', password, FIREFOX);
    const phone = await signInWith(server.url, 'lena', password, SAFARI);
    const before = Date.now();
    const sessions = await listOf(server.url, phone);
    // createUser's own sign-in (no browser), the laptop, and the phone asking.
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ device: 'Safari on iOS', current: true });
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.map((s) => s.device).sort()).toEqual(['Firefox on Linux', 'Safari on iOS', 'node']);
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(['address', 'current', 'device', 'id', 'lastUsedAt', 'signedInAt']);
      expect(session.id).toMatch(/^[0-9a-f]{16}$/);
      expect(session.address).toMatch(/^(127\.0\.0\.1|::1)$/);
      expect(Date.parse(session.signedInAt)).toBeLessThanOrEqual(before);
      expect(session.lastUsedAt).toBe(session.signedInAt);
    }
    const text = JSON.stringify(sessions);
    for (const auth of [laptop, phone]) expect(text).not.toContain(auth.cookie.split('=')[1]!);
    // Nobody else's sessions: the laptop sees the same three, itself current.
    const fromLaptop = await listOf(server.url, laptop);
    expect(fromLaptop.map((s) => s.id).sort()).toEqual(sessions.map((s) => s.id).sort());
    expect(fromLaptop[0]).toMatchObject({ device: 'Firefox on Linux', current: true });
    expect((await api(server.url, 'GET', '/api/me/sessions')).status).toBe(401);
  });

  it('ending one session closes its sockets at once, and only its', async () => {
    const { password, auth: desk } = await createUser(server.url, admin, 'omar', 'reporter');
    const laptop = await signInWith(server.url, 'omar', password, FIREFOX);
    const phone = await signInWith(server.url, 'omar', password, SAFARI);
    const [onLaptop, onLaptopToo, onPhone, onDesk] = await Promise.all([socketOf(laptop), socketOf(laptop), socketOf(phone), socketOf(desk)]);

    const phoneId = (await listOf(server.url, phone))[0]!.id;
    const ended = await api(server.url, 'DELETE', `/api/me/sessions/${phoneId}`, undefined, laptop);
    expect(ended.status).toBe(204);
    expect(sessionCookieOf(ended.headers)).toBeNull();
    expect(ended.headers.getSetCookie()).toEqual([]);
    expect(await within(onPhone.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await meStatus(server.url, phone)).toBe(401);
    expect(await stillOpen(onLaptop)).toBe(true);
    expect(await stillOpen(onLaptopToo)).toBe(true);
    expect(await stillOpen(onDesk)).toBe(true);
    expect(await meStatus(server.url, laptop)).toBe(200);
    expect((await listOf(server.url, laptop)).map((s) => s.id)).not.toContain(phoneId);

    const again = await api(server.url, 'DELETE', `/api/me/sessions/${phoneId}`, undefined, laptop);
    expect(again).toMatchObject({ status: 404, body: { error: { id: 'session_not_found' } } });
    expect((await api(server.url, 'DELETE', '/api/me/sessions/not-an-id', undefined, laptop)).status).toBe(404);
  });

  it('ending this browser’s own session signs it out and clears its cookie', async () => {
    const { auth } = await createUser(server.url, admin, 'petra', 'viewer');
    const socket = await socketOf(auth, admin);
    const id = (await listOf(server.url, auth))[0]!.id;
    const ended = await api(server.url, 'DELETE', `/api/me/sessions/${id}`, undefined, auth);
    expect(ended.status).toBe(204);
    expect(ended.headers.getSetCookie().join()).toMatch(/copydesk_session=;.*Max-Age=0/i);
    expect(await within(socket.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await meStatus(server.url, auth)).toBe(401);
  });

  it('a user cannot end, or see, someone else’s session', async () => {
    const victim = await createUser(server.url, admin, 'quinn', 'editor');
    const intruder = await createUser(server.url, admin, 'rafa', 'editor');
    const socket = await socketOf(victim.auth);
    const victimId = (await listOf(server.url, victim.auth))[0]!.id;
    expect((await listOf(server.url, intruder.auth)).map((s) => s.id)).not.toContain(victimId);

    const refused = await api(server.url, 'DELETE', `/api/me/sessions/${victimId}`, undefined, intruder.auth);
    expect(refused).toMatchObject({ status: 404, body: { error: { id: 'session_not_found' } } });
    const notAdmin = await api(server.url, 'DELETE', '/api/users/quinn/sessions', undefined, intruder.auth);
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { id: 'forbidden' } } });
    // Another site cannot do it with the victim's own cookie either.
    const crossSite = await api(server.url, 'DELETE', `/api/me/sessions/${victimId}`, undefined, { ...victim.auth, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);

    expect(await meStatus(server.url, victim.auth)).toBe(200);
    expect(await stillOpen(socket)).toBe(true);
    expect(await meStatus(server.url, intruder.auth)).toBe(200);
  });

  it('“sign out everywhere else” ends every other session of mine and closes their sockets', async () => {
    const { password, auth: first } = await createUser(server.url, admin, 'sven', 'reporter');
    const second = await signIn(server.url, 'sven', password);
    const here = await signInWith(server.url, 'sven', password, FIREFOX);
    const someoneElse = await createUser(server.url, admin, 'tara', 'reporter');
    const [onFirst, onSecond, onHere, onTara] = await Promise.all([socketOf(first), socketOf(second), socketOf(here), socketOf(someoneElse.auth)]);

    const answer = await api<SessionsEnded>(server.url, 'DELETE', '/api/me/sessions', undefined, here);
    expect(answer).toMatchObject({ status: 200, body: { ended: 2 } });
    expect(await within(onFirst.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await within(onSecond.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await stillOpen(onHere)).toBe(true);
    expect(await stillOpen(onTara)).toBe(true);
    expect(await meStatus(server.url, first)).toBe(401);
    expect(await meStatus(server.url, second)).toBe(401);
    expect(await meStatus(server.url, here)).toBe(200);
    expect((await listOf(server.url, here)).map((s) => s.current)).toEqual([true]);
    expect((await api<SessionsEnded>(server.url, 'DELETE', '/api/me/sessions', undefined, here)).body).toEqual({ ended: 0 });
  });

  it('a password change ends the other sessions but not the current one', async () => {
    const current = await signInAdmin(server.url);
    const other = await signInAdmin(server.url);
    const [onCurrent, onOther] = await Promise.all([socketOf(current), socketOf(other)]);
    const changed = await api(server.url, 'PATCH', '/api/users/admin', { password: `${TEST_ADMIN_PASSWORD} renewed` }, current);
    expect(changed.status).toBe(200);
    expect(await within(onOther.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await stillOpen(onCurrent)).toBe(true);
    expect(await meStatus(server.url, other)).toBe(401);
    expect(await meStatus(server.url, current)).toBe(200);
    expect((await listOf(server.url, current)).map((s) => s.current)).toEqual([true]);

    // An admin setting someone else's password ends all of that account's sessions.
    const { auth: uma } = await createUser(server.url, current, 'uma', 'reporter');
    const onUma = await socketOf(uma);
    expect((await api(server.url, 'PATCH', '/api/users/uma', { password: 'a brand new password for uma' }, current)).status).toBe(200);
    expect(await within(onUma.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await meStatus(server.url, uma)).toBe(401);

    expect((await api(server.url, 'PATCH', '/api/users/admin', { password: TEST_ADMIN_PASSWORD }, current)).status).toBe(200);
    // The admin session of the other tests ended with the first change.
    admin = current;
  });

  it('an admin ends all of a user’s sessions, closing their sockets; it is in the audit log', async () => {
    const { password, auth: one } = await createUser(server.url, admin, 'vera', 'editor');
    const two = await signInWith(server.url, 'vera', password, SAFARI);
    const bystander = await createUser(server.url, admin, 'wim', 'editor');
    const [onOne, onTwo, onWim, onAdmin] = await Promise.all([socketOf(one), socketOf(two), socketOf(bystander.auth), socketOf(admin)]);

    const answer = await api<SessionsEnded>(server.url, 'DELETE', '/api/users/VERA/sessions', undefined, admin);
    expect(answer).toMatchObject({ status: 200, body: { ended: 2 } });
    expect(answer.headers.getSetCookie()).toEqual([]);
    expect(await within(onOne.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await within(onTwo.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await stillOpen(onWim)).toBe(true);
    expect(await stillOpen(onAdmin)).toBe(true);
    expect(await meStatus(server.url, one)).toBe(401);
    expect(await meStatus(server.url, two)).toBe(401);
    // Vera signs in again as usual.
    expect(await meStatus(server.url, await signIn(server.url, 'vera', password))).toBe(200);

    const audit = db.prepare(`SELECT actor, subject, to_value AS "to" FROM audit_log WHERE action = 'sessions_ended' AND subject = 'vera'`).all();
    expect(audit).toEqual([{ actor: 'admin', subject: 'vera', to: '2' }]);
    const missing = await api(server.url, 'DELETE', '/api/users/nobody/sessions', undefined, admin);
    expect(missing).toMatchObject({ status: 404, body: { error: { id: 'user_not_found' } } });
  });
});

describe('ending a session on one server closes its sockets on another', () => {
  const dir = tempDataDir();
  let redis: TestRedis;
  let a: RunningServer;
  let b: RunningServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startTestRedis({ own: true });
    a = await startTestServer(dir.dataDir, { redisUrl: redis.url, unloadDelayMs: 60_000 });
    b = await startTestServer(dir.dataDir, { redisUrl: redis.url, unloadDelayMs: 60_000 });
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    dir.remove();
  });

  it('ends one session, then all of a user’s, from server A while their sockets are on server B', async () => {
    const admin = await signInAdmin(a.url);
    const { password, auth: desk } = await createUser(a.url, admin, 'xia', 'reporter');
    const laptop = await signInWith(a.url, 'xia', password, FIREFOX);
    const id = await createStory(a.url, 'Across servers', desk);
    const onLaptop = connectClient(b.url, id, { auth: laptop });
    const onDesk = connectClient(b.url, id, { auth: desk });
    clients.push(onLaptop, onDesk);
    await Promise.all([onLaptop.synced, onDesk.synced]);

    const laptopId = (await listOf(b.url, laptop))[0]!.id;
    expect((await api(a.url, 'DELETE', `/api/me/sessions/${laptopId}`, undefined, desk)).status).toBe(204);
    expect(await within(onLaptop.closed, 3_000)).toBe(CloseCode.Unauthorized);
    expect(await stillOpen(onDesk)).toBe(true);

    expect((await api<SessionsEnded>(a.url, 'DELETE', '/api/users/xia/sessions', undefined, admin)).body).toEqual({ ended: 1 });
    expect(await within(onDesk.closed, 3_000)).toBe(CloseCode.Unauthorized);
  });
});
