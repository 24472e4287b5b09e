import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/accounts.ts';
import type { ArticleList } from '../../shared/api.ts';
import {
  api,
  createStory,
  createUser,
  sessionCookieOf,
  signIn,
  signInAdmin,
  tempDataDir,
  TEST_ADMIN_PASSWORD,
} from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { spawnServer } from './spawnServer.ts';

const EVIL = 'http://evil.example';

describe('sessions and accounts over HTTP', () => {
  const server = useTestServer();

  it('answers 401 JSON on every /api route but health and sign-in without a session', async () => {
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
    const id = await createStory(server.url, 'Behind the door', server.admin);
    const doors: Array<[string, string, unknown?]> = [
      ['GET', '/api/me'],
      ['GET', '/api/articles'],
      ['GET', `/api/articles/${id}`],
      ['GET', `/api/articles/${id}/export?format=html`],
      ['GET', `/api/articles/${id}/activity`],
      ['POST', '/api/articles', { headline: 'Sneaky' }],
      ['POST', `/api/articles/${id}/transitions`, { to: 'in_review' }],
      ['PUT', `/api/articles/${id}/assignees`, { usernames: [] }],
      ['GET', '/api/users'],
      ['GET', '/api/people'],
      ['POST', '/api/users', { username: 'mallory', password: 'a long enough password', displayName: 'M', role: 'admin' }],
      ['DELETE', '/api/session'],
    ];
    for (const [method, path, body] of doors) {
      const response = await api(server.url, method, path, body);
      expect({ method, path, status: response.status, body: response.body }).toEqual({
        method,
        path,
        status: 401,
        body: { error: { id: 'unauthenticated', message: expect.any(String) } },
      });
    }
    const forged = await api(server.url, 'GET', '/api/me', undefined, { cookie: `copydesk_session=${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
    expect((await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles.map((a) => a.headline)).not.toContain('Sneaky');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, names the user on /api/me and never shows a hash', async () => {
    const response = await api<PublicUser>(server.url, 'POST', '/api/session', { username: 'ADMIN', password: TEST_ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      disabled: false,
      createdAt: expect.any(String),
    });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^copydesk_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const me = await api<PublicUser>(server.url, 'GET', '/api/me', undefined, { cookie: sessionCookieOf(response.headers)! });
    expect(me.body.username).toBe('admin');
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt|hash/i);
  });

  it('gives a new session id at every sign-in and ends the one the browser held', async () => {
    const first = await signInAdmin(server.url);
    const again = await api(server.url, 'POST', '/api/session', { username: 'admin', password: TEST_ADMIN_PASSWORD }, first);
    const second = sessionCookieOf(again.headers)!;
    expect(second).not.toBe(first.cookie);
    expect((await api(server.url, 'GET', '/api/me', undefined, first)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/me', undefined, { cookie: second })).status).toBe(200);
  });

  it('signs out: the cookie is cleared and the session is gone on the server', async () => {
    const session = await signInAdmin(server.url);
    const out = await api(server.url, 'DELETE', '/api/session', undefined, session);
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^copydesk_session=; .*Max-Age=0/);
    expect((await api(server.url, 'GET', '/api/me', undefined, session)).status).toBe(401);
  });

  it('refuses state-changing requests from another origin with 403, even with a valid session', async () => {
    const before = (await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles.length;
    const foreign = { ...server.admin, origin: EVIL };
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/api/articles', { headline: 'Forged from afar' }],
      ['POST', '/api/users', { username: 'mallory', password: 'a long enough password', displayName: 'M', role: 'admin' }],
      ['PATCH', '/api/users/admin', { displayName: 'Pwned' }],
      ['DELETE', '/api/session'],
      ['POST', '/api/session', { username: 'admin', password: TEST_ADMIN_PASSWORD }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await api(server.url, method, path, body, foreign);
      expect({ method, path, status: response.status, id: (response.body as { error?: { id: string } }).error?.id }).toEqual({
        method,
        path,
        status: 403,
        id: 'cross_origin',
      });
    }
    // Nothing happened: no story, no account, the name kept, the session still valid.
    expect((await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles).toHaveLength(before);
    const me = await api<PublicUser>(server.url, 'GET', '/api/me', undefined, server.admin);
    expect(me.status).toBe(200);
    expect(me.body.displayName).toBe('Administrator');
    expect((await api(server.url, 'POST', '/api/session', { username: 'mallory', password: 'a long enough password' })).status).toBe(401);
    // A cross-origin GET is harmless and allowed (the browser will not let the page read it).
    expect((await api(server.url, 'GET', '/api/me', undefined, foreign)).status).toBe(200);
  });

  it('lets only admins manage accounts; creates, renames, re-roles, resets and disables them', async () => {
    const ed = await createUser(server.url, server.admin, 'eddie', 'editor', 'Eddie Editor');
    expect(ed.user).toMatchObject({ username: 'eddie', displayName: 'Eddie Editor', role: 'editor', disabled: false });
    expect((await api(server.url, 'GET', '/api/users', undefined, ed.auth)).status).toBe(403);
    expect((await api(server.url, 'POST', '/api/users', { username: 'x1', password: 'long enough pass', displayName: 'X', role: 'admin' }, ed.auth)).status).toBe(403);
    expect((await api(server.url, 'PATCH', '/api/users/eddie', { role: 'admin' }, ed.auth)).status).toBe(403);

    const list = await api<{ users: PublicUser[] }>(server.url, 'GET', '/api/users', undefined, server.admin);
    expect(list.body.users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'eddie']));
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);

    const taken = await api(server.url, 'POST', '/api/users', { username: 'EDDIE', password: 'long enough pass', displayName: 'E', role: 'viewer' }, server.admin);
    expect(taken).toMatchObject({ status: 409, body: { error: { id: 'username_taken' } } });
    const weak = await api(server.url, 'POST', '/api/users', { username: 'weak', password: 'short', displayName: 'W', role: 'viewer' }, server.admin);
    expect(weak).toMatchObject({ status: 400, body: { error: { id: 'password_too_weak' } } });
    expect((await api(server.url, 'PATCH', '/api/users/nobody', { role: 'viewer' }, server.admin)).status).toBe(404);

    const renamed = await api<PublicUser>(server.url, 'PATCH', '/api/users/eddie', { displayName: 'Edward', role: 'reporter' }, server.admin);
    expect(renamed.body).toMatchObject({ displayName: 'Edward', role: 'reporter' });
    expect((await api<PublicUser>(server.url, 'GET', '/api/me', undefined, ed.auth)).body).toMatchObject({ displayName: 'Edward', role: 'reporter' });

    // A new password ends every session of the account; only the new password opens one.
    expect((await api(server.url, 'PATCH', '/api/users/eddie', { password: 'a brand new password' }, server.admin)).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', undefined, ed.auth)).status).toBe(401);
    expect((await api(server.url, 'POST', '/api/session', { username: 'eddie', password: ed.password })).status).toBe(401);
    const back = await signIn(server.url, 'eddie', 'a brand new password');

    expect((await api(server.url, 'PATCH', '/api/users/eddie', { disabled: true }, server.admin)).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', undefined, back)).status).toBe(401);
    const refused = await api(server.url, 'POST', '/api/session', { username: 'eddie', password: 'a brand new password' });
    expect(refused).toMatchObject({ status: 401, body: { error: { id: 'invalid_credentials' } } });
  });

  it('gives editors and admins a people directory of active accounts: usernames, display names, roles, nothing else', async () => {
    const editor = await createUser(server.url, server.admin, 'penny', 'editor', 'Penny Picker');
    const reporter = await createUser(server.url, server.admin, 'rory', 'reporter', 'Rory Writer');
    const viewer = await createUser(server.url, server.admin, 'vera', 'viewer', 'Vera Reader');
    await createUser(server.url, server.admin, 'gone', 'reporter', 'Gone Away');
    expect((await api(server.url, 'PATCH', '/api/users/gone', { disabled: true }, server.admin)).status).toBe(200);

    for (const auth of [editor.auth, server.admin]) {
      const directory = await api<{ people: Array<Record<string, unknown>> }>(server.url, 'GET', '/api/people', undefined, auth);
      expect(directory.status).toBe(200);
      expect(directory.body.people).toEqual(
        expect.arrayContaining([
          { username: 'penny', displayName: 'Penny Picker', role: 'editor' },
          { username: 'rory', displayName: 'Rory Writer', role: 'reporter' },
          { username: 'vera', displayName: 'Vera Reader', role: 'viewer' },
        ]),
      );
      expect(directory.body.people.map((person) => person.username)).not.toContain('gone');
      expect(directory.body.people.every((person) => Object.keys(person).sort().join() === 'displayName,role,username')).toBe(true);
    }
    expect((await api(server.url, 'GET', '/api/people', undefined, reporter.auth)).status).toBe(403);
    expect((await api(server.url, 'GET', '/api/people', undefined, viewer.auth)).status).toBe(403);
  });

  it('keeps one active admin: the last cannot be demoted or disabled', async () => {
    const demote = await api(server.url, 'PATCH', '/api/users/admin', { role: 'editor' }, server.admin);
    expect(demote).toMatchObject({ status: 409, body: { error: { id: 'last_admin' } } });
    expect((await api(server.url, 'PATCH', '/api/users/admin', { disabled: true }, server.admin)).status).toBe(409);
    await createUser(server.url, server.admin, 'second-admin', 'admin');
    expect((await api(server.url, 'PATCH', '/api/users/second-admin', { role: 'editor' }, server.admin)).status).toBe(200);
  });

  it('keeps an admin who changes their own password signed in on that session, and ends their others', async () => {
    const session = await signInAdmin(server.url);
    const other = await signInAdmin(server.url);
    const changed = await api(server.url, 'PATCH', '/api/users/admin', { password: TEST_ADMIN_PASSWORD.toUpperCase() }, session);
    expect(changed.status).toBe(200);
    expect(sessionCookieOf(changed.headers)).toBeNull();
    expect((await api(server.url, 'GET', '/api/me', undefined, session)).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', undefined, other)).status).toBe(401);
    expect((await api(server.url, 'PATCH', '/api/users/admin', { password: TEST_ADMIN_PASSWORD }, session)).status).toBe(200);
    server.admin = await signInAdmin(server.url);
  });
});

describe('first start', () => {
  it('creates admin with a generated password printed once, and only on the very first start', async () => {
    const dir = tempDataDir();
    let server = await spawnServer({ dataDir: dir.dataDir, env: { COPYDESK_ADMIN_PASSWORD: '' } });
    const printed = /Created the account "admin" with the password: ([\w-]{24})/.exec(server.stdout());
    expect(printed).not.toBeNull();
    const password = printed![1]!;
    await signIn(server.url, 'admin', password);
    expect((await api(server.url, 'POST', '/api/session', { username: 'admin', password: TEST_ADMIN_PASSWORD })).status).toBe(401);
    await server.kill();

    server = await spawnServer({ dataDir: dir.dataDir });
    expect(server.stdout()).not.toContain('password');
    await signIn(server.url, 'admin', password);
    await server.kill();
    dir.remove();
  });

  it('refuses to start with a COPYDESK_ADMIN_PASSWORD too short to be safe', async () => {
    const dir = tempDataDir();
    await expect(spawnServer({ dataDir: dir.dataDir, env: { COPYDESK_ADMIN_PASSWORD: 'short' } })).rejects.toThrow(
      /Copydesk cannot start: COPYDESK_ADMIN_PASSWORD must be at least 12 characters/,
    );
    dir.remove();
  });

  it('marks the cookie Secure when COOKIE_SECURE is set', async () => {
    const dir = tempDataDir();
    const server = await spawnServer({ dataDir: dir.dataDir, env: { COOKIE_SECURE: 'true' } });
    const response = await api(server.url, 'POST', '/api/session', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    await server.kill();
    dir.remove();
  });
});
