import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { MfaEnrolment, MfaPolicy, MfaRecoveryCodes, MfaStatus } from '../../shared/mfa.ts';
import { totpCode } from '../auth/mfa/totp.ts';
import { DEFAULT_LOGIN_THROTTLE } from '../auth/loginThrottle.ts';
import type { AuditEntry } from '../storage/AuditLog.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import { api, connectClient, createStory, createUser, sessionCookieOf, TEST_ADMIN_PASSWORD, type Auth, type TestUser } from './helpers.ts';
import { openRawSocket } from './rawSocket.ts';
import { useTestServer } from './testServer.ts';

const STEP_MS = 30_000;
const MFA_KEY = new Uint8Array(Array.from({ length: 32 }, (_, i) => i + 1));

type ErrorBody = { error: { id: string } };

/** POST /api/session with whatever is given; the answer's status, error id and session cookie. */
async function trySignIn(url: string, body: { username: string; password: string; code?: string }) {
  const response = await api<ErrorBody>(url, 'POST', '/api/session', body);
  return { status: response.status, id: response.body.error?.id ?? null, auth: sessionCookieOf(response.headers), retryAfter: response.headers.get('retry-after') };
}

/** Enrols the account signed in as `auth` through the API; the secret and the recovery codes. */
async function enrol(url: string, auth: Auth, password: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await api<MfaEnrolment>(url, 'POST', '/api/me/mfa', { password }, auth);
  expect(started.status).toBe(201);
  const confirmed = await api<MfaRecoveryCodes>(url, 'POST', '/api/me/mfa/confirm', { code: totpCode(started.body.secret, Date.now()) }, auth);
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

const status = async (url: string, auth: Auth) => (await api<MfaStatus>(url, 'GET', '/api/me/mfa', undefined, auth)).body;

describe('two-step sign-in: enrolment, codes, recovery codes', () => {
  const server = useTestServer({ mfaKey: MFA_KEY, loginThrottle: { ...DEFAULT_LOGIN_THROTTLE, baseDelayMs: 1, maxDelayMs: 1 } });
  let ana: TestUser;
  let bo: TestUser;

  beforeAll(async () => {
    ana = await createUser(server.url, server.admin, 'ana', 'reporter');
    bo = await createUser(server.url, server.admin, 'bo', 'reporter');
  });

  const audit = (action: string): AuditEntry['action'][] => {
    const db = new Database(databasePath(server.dataDir), { readonly: true });
    try {
      return (db.prepare('SELECT action FROM audit_log WHERE action = ?').all(action) as { action: AuditEntry['action'] }[]).map((row) => row.action);
    } finally {
      db.close();
    }
  };

  it('is off until turned on; an enrolment is a secret shown once, turned on by its first code with ten recovery codes', async () => {
    expect(await status(server.url, ana.auth)).toEqual({ enabled: false, pending: false, required: false, enrolmentRequired: false, recoveryCodesLeft: 0 });
    const started = await api<MfaEnrolment>(server.url, 'POST', '/api/me/mfa', { password: ana.password }, ana.auth);
    expect(started.status).toBe(201);
    expect(started.headers.get('cache-control')).toBe('no-store');
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const otpauth = new URL(started.body.otpauthUrl);
    expect(otpauth.protocol).toBe('otpauth:');
    expect(otpauth.host).toBe('totp');
    expect(otpauth.searchParams.get('secret')).toBe(started.body.secret);
    expect(otpauth.searchParams.get('issuer')).toBe('Copydesk');
    expect(decodeURIComponent(otpauth.pathname)).toBe('/Copydesk:ana');
    expect(await status(server.url, ana.auth)).toMatchObject({ enabled: false, pending: true });

    // Until confirmed, a password alone still signs in.
    expect((await trySignIn(server.url, { username: 'ana', password: ana.password })).status).toBe(200);

    const wrong = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa/confirm', { code: '000000' }, ana.auth);
    expect([wrong.status, wrong.body.error.id]).toEqual([400, 'invalid_mfa_code']);
    const confirmed = await api<MfaRecoveryCodes>(server.url, 'POST', '/api/me/mfa/confirm', { code: totpCode(started.body.secret, Date.now()) }, ana.auth);
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    for (const code of confirmed.body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await status(server.url, ana.auth)).toEqual({ enabled: true, pending: false, required: false, enrolmentRequired: false, recoveryCodesLeft: 10 });
    expect(audit('mfa_enabled')).toHaveLength(1);

    // Moving it to another phone means turning it off first.
    const again = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa', { password: ana.password }, ana.auth);
    expect([again.status, again.body.error.id]).toEqual([409, 'mfa_already_enabled']);
    const reconfirm = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa/confirm', { code: '123456' }, ana.auth);
    expect([reconfirm.status, reconfirm.body.error.id]).toEqual([409, 'mfa_already_enabled']);
  });

  it('keeps the secret sealed at rest, bound to its account; the recovery codes only as hashes', async () => {
    const { secret, recoveryCodes } = await enrol(server.url, bo.auth, bo.password);
    const db = new Database(databasePath(server.dataDir), { readonly: true });
    try {
      const dump = JSON.stringify([db.prepare('SELECT * FROM user_mfa').all(), db.prepare('SELECT * FROM mfa_recovery_codes').all()]);
      expect(dump).not.toContain(secret);
      for (const code of recoveryCodes) {
        expect(dump).not.toContain(code);
        expect(dump).not.toContain(code.replaceAll('-', ''));
      }
      const stored = db.prepare("SELECT secret FROM user_mfa u JOIN users ON users.id = u.user_id WHERE username = 'bo'").get() as { secret: string };
      expect(stored.secret).toMatch(/^aes256gcm:/);
    } finally {
      db.close();
    }
  });

  it('asks for a code only after the right password; a code is accepted once, and never an older one', async () => {
    const cy = await createUser(server.url, server.admin, 'cy', 'reporter');
    const { secret } = await enrol(server.url, cy.auth, cy.password);
    // A wrong password answers as for any account, code or no code: nothing tells two-step sign-in is on.
    expect(await trySignIn(server.url, { username: 'cy', password: 'wrong password 123' })).toMatchObject({ status: 401, id: 'invalid_credentials', auth: null });
    expect(await trySignIn(server.url, { username: 'cy', password: 'wrong password 123', code: totpCode(secret, Date.now()) })).toMatchObject({
      status: 401,
      id: 'invalid_credentials',
    });
    expect(await trySignIn(server.url, { username: 'cy', password: cy.password })).toMatchObject({ status: 401, id: 'mfa_required', auth: null });

    // The code that confirmed the enrolment was used: it does not sign in.
    expect(await trySignIn(server.url, { username: 'cy', password: cy.password, code: totpCode(secret, Date.now()) })).toMatchObject({
      status: 401,
      id: 'invalid_mfa_code',
      auth: null,
    });
    const next = totpCode(secret, Date.now() + STEP_MS);
    const signedIn = await trySignIn(server.url, { username: 'cy', password: cy.password, code: ` ${next.slice(0, 3)} ${next.slice(3)} ` });
    expect(signedIn).toMatchObject({ status: 200, id: null });
    expect(signedIn.auth).not.toBeNull();
    expect((await api(server.url, 'GET', '/api/articles', undefined, { cookie: signedIn.auth! })).status).toBe(200);
    // Replayed: refused, as is the code of the step before it.
    expect(await trySignIn(server.url, { username: 'cy', password: cy.password, code: next })).toMatchObject({ status: 401, id: 'invalid_mfa_code' });
    expect(await trySignIn(server.url, { username: 'cy', password: cy.password, code: totpCode(secret, Date.now() - STEP_MS) })).toMatchObject({
      status: 401,
      id: 'invalid_mfa_code',
    });
    expect(await trySignIn(server.url, { username: 'cy', password: cy.password, code: '12345' })).toMatchObject({ status: 401, id: 'invalid_mfa_code' });
  });
  it('accepts each recovery code once, in any case and spacing, and counts what is left', async () => {
    const dee = await createUser(server.url, server.admin, 'dee', 'reporter');
    const { recoveryCodes } = await enrol(server.url, dee.auth, dee.password);
    const code = recoveryCodes[3]!;
    const typed = ` ${code.toUpperCase().replaceAll('-', ' ')} `;
    const first = await trySignIn(server.url, { username: 'dee', password: dee.password, code: typed });
    expect(first).toMatchObject({ status: 200 });
    expect(await status(server.url, { cookie: first.auth! })).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    expect(await trySignIn(server.url, { username: 'dee', password: dee.password, code })).toMatchObject({ status: 401, id: 'invalid_mfa_code' });
    // Another account's code is no code here.
    expect(await trySignIn(server.url, { username: 'dee', password: dee.password, code: 'abcd-efgh-jkmn' })).toMatchObject({ status: 401, id: 'invalid_mfa_code' });
    expect((await trySignIn(server.url, { username: 'dee', password: dee.password, code: recoveryCodes[4]! })).status).toBe(200);
    expect(audit('mfa_recovery_code_used')).toHaveLength(2);
  });

  it('throttles codes as it throttles passwords: wrong codes end in 429, and then even the right one waits', async () => {
    const eve = await createUser(server.url, server.admin, 'eve', 'reporter');
    const { secret } = await enrol(server.url, eve.auth, eve.password);
    let refused: Awaited<ReturnType<typeof trySignIn>> | null = null;
    for (let attempt = 0; attempt < 30 && refused === null; attempt++) {
      const answer = await trySignIn(server.url, { username: 'eve', password: eve.password, code: String(100000 + attempt) });
      if (answer.status === 429) refused = answer;
      else expect(answer).toMatchObject({ status: 401, id: 'invalid_mfa_code' });
    }
    expect(refused).toMatchObject({ status: 429, id: 'too_many_attempts' });
    expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
    expect((await trySignIn(server.url, { username: 'eve', password: eve.password, code: totpCode(secret, Date.now() + STEP_MS) })).status).toBe(429);
    // Codes typed to turn it off count against the same account.
    const off = await api<ErrorBody>(server.url, 'DELETE', '/api/me/mfa', { code: totpCode(secret, Date.now() + STEP_MS) }, eve.auth);
    expect([off.status, off.body.error.id]).toEqual([429, 'too_many_attempts']);
  });

  it('turns off with a current code or a recovery code, never without one; a password alone then signs in', async () => {
    const fay = await createUser(server.url, server.admin, 'fay', 'reporter');
    const { secret, recoveryCodes } = await enrol(server.url, fay.auth, fay.password);
    const none = await api<ErrorBody>(server.url, 'DELETE', '/api/me/mfa', {}, fay.auth);
    expect([none.status, none.body.error.id]).toEqual([400, 'validation_failed']);
    const wrong = await api<ErrorBody>(server.url, 'DELETE', '/api/me/mfa', { code: '999999' }, fay.auth);
    expect([wrong.status, wrong.body.error.id]).toEqual([400, 'invalid_mfa_code']);
    // The confirming code was used: it cannot turn it off either.
    const used = await api<ErrorBody>(server.url, 'DELETE', '/api/me/mfa', { code: totpCode(secret, Date.now()) }, fay.auth);
    expect(used.status).toBe(400);
    expect((await api(server.url, 'DELETE', '/api/me/mfa', { code: recoveryCodes[0] }, fay.auth)).status).toBe(204);
    expect(await status(server.url, fay.auth)).toMatchObject({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect((await trySignIn(server.url, { username: 'fay', password: fay.password })).status).toBe(200);
    expect(audit('mfa_disabled').length).toBeGreaterThanOrEqual(1);
    // A pending enrolment is dropped without a code.
    await api(server.url, 'POST', '/api/me/mfa', { password: fay.password }, fay.auth);
    expect((await api(server.url, 'DELETE', '/api/me/mfa', undefined, fay.auth)).status).toBe(204);
    expect(await status(server.url, fay.auth)).toMatchObject({ enabled: false, pending: false });
  });

  it('asks for the password before tying the account to a phone: a session alone is not enough', async () => {
    const hy = await createUser(server.url, server.admin, 'hy', 'reporter');
    const none = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa', undefined, hy.auth);
    expect([none.status, none.body.error.id]).toEqual([400, 'validation_failed']);
    const wrong = await api<ErrorBody & { secret?: string }>(server.url, 'POST', '/api/me/mfa', { password: `${hy.password}x` }, hy.auth);
    expect([wrong.status, wrong.body.error.id, wrong.body.secret]).toEqual([403, 'wrong_password', undefined]);
    expect(await status(server.url, hy.auth)).toMatchObject({ enabled: false, pending: false });
    // Another account's password does not do either.
    expect((await api<ErrorBody>(server.url, 'POST', '/api/me/mfa', { password: TEST_ADMIN_PASSWORD }, hy.auth)).status).toBe(403);
    // Wrong passwords count as failed sign-ins: the session is still good, signing in is slowed, then refused.
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.pair.lockAfter; i++) await api(server.url, 'POST', '/api/me/mfa', { password: 'not it at all' }, hy.auth);
    const throttled = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa', { password: hy.password }, hy.auth);
    expect([throttled.status, throttled.body.error.id]).toEqual([429, 'too_many_attempts']);
    expect((await trySignIn(server.url, { username: 'hy', password: hy.password })).status).toBe(429);
    expect((await api(server.url, 'GET', '/api/me/mfa', undefined, hy.auth)).status).toBe(200);
  });

  it('refuses a confirmation of an enrolment that a newer one replaced', async () => {
    const gus = await createUser(server.url, server.admin, 'gus', 'reporter');
    const first = await api<MfaEnrolment>(server.url, 'POST', '/api/me/mfa', { password: gus.password }, gus.auth);
    await api<MfaEnrolment>(server.url, 'POST', '/api/me/mfa', { password: gus.password }, gus.auth);
    const stale = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa/confirm', { code: totpCode(first.body.secret, Date.now()) }, gus.auth);
    expect([stale.status, stale.body.error.id]).toEqual([400, 'invalid_mfa_code']);
    expect(await status(server.url, gus.auth)).toMatchObject({ enabled: false, pending: true });
    const nothing = await api<ErrorBody>(server.url, 'POST', '/api/me/mfa/confirm', { code: '123456' }, ana.auth);
    expect(nothing.status).toBe(409);
  });
});

describe('two-step sign-in required by role', () => {
  const server = useTestServer({ sessionCheckMs: 100 });
  let ed: TestUser;
  let rita: TestUser;

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter');
  });

  it('lets only admins read and set the roles that require it', async () => {
    expect((await api<MfaPolicy>(server.url, 'GET', '/api/mfa/policy', undefined, server.admin)).body).toEqual({ requiredRoles: [] });
    for (const method of ['GET', 'PUT']) {
      const refused = await api<ErrorBody>(server.url, method, '/api/mfa/policy', method === 'PUT' ? { requiredRoles: [] } : undefined, ed.auth);
      expect([refused.status, refused.body.error.id]).toEqual([403, 'forbidden']);
    }
    const bad = await api<ErrorBody>(server.url, 'PUT', '/api/mfa/policy', { requiredRoles: ['chief'] }, server.admin);
    expect([bad.status, bad.body.error.id]).toEqual([400, 'validation_failed']);
  });

  it('sends an editor without it to enrolment: sessions open before and after may only enrol, sockets included, until they do', async () => {
    const story = await createStory(server.url, 'Front page', rita.auth);
    const openBefore = connectClient(server.url, story, { auth: ed.auth });
    await openBefore.synced;

    const set = await api<MfaPolicy>(server.url, 'PUT', '/api/mfa/policy', { requiredRoles: ['admin', 'editor', 'editor'] }, server.admin);
    expect(set.body).toEqual({ requiredRoles: ['editor', 'admin'] });
    // The admin who set it is held to it too: they enrol before anything else.
    expect((await api<ErrorBody>(server.url, 'GET', '/api/users', undefined, server.admin)).body.error.id).toBe('mfa_enrolment_required');
    expect(await openBefore.closed).toBe(CloseCode.Unauthorized);
    openBefore.destroy();

    // The session opened before the requirement…
    const blocked = await api<ErrorBody>(server.url, 'GET', '/api/articles', undefined, ed.auth);
    expect([blocked.status, blocked.body.error.id]).toEqual([403, 'mfa_enrolment_required']);
    expect((await api(server.url, 'GET', '/api/me', undefined, ed.auth)).status).toBe(200);
    expect(await status(server.url, ed.auth)).toEqual({ enabled: false, pending: false, required: true, enrolmentRequired: true, recoveryCodesLeft: 0 });
    // …and a fresh sign-in, which succeeds with the password alone but is limited to enrolment.
    const fresh = await trySignIn(server.url, { username: 'ed', password: ed.password });
    expect(fresh.status).toBe(200);
    const limited: Auth = { cookie: fresh.auth! };
    expect((await api<ErrorBody>(server.url, 'POST', '/api/articles', { headline: 'Sneaky' }, limited)).body.error.id).toBe('mfa_enrolment_required');
    expect(await openRawSocket(server.url, story, { auth: limited }).closed).toBe('http 403');
    // A reporter is not concerned.
    expect((await api(server.url, 'GET', '/api/articles', undefined, rita.auth)).status).toBe(200);

    const { secret } = await enrol(server.url, limited, ed.password);
    expect((await api(server.url, 'GET', '/api/articles', undefined, limited)).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/articles', undefined, ed.auth)).status).toBe(200);
    const client = connectClient(server.url, story, { auth: limited });
    await client.synced;
    client.destroy();
    // From now on the editor signs in with a code.
    expect(await trySignIn(server.url, { username: 'ed', password: ed.password })).toMatchObject({ status: 401, id: 'mfa_required' });
    expect((await trySignIn(server.url, { username: 'ed', password: ed.password, code: totpCode(secret, Date.now() + STEP_MS) })).status).toBe(200);

    // The admin enrols too (their role requires it), then resets the editor's (a lost phone): the
    // editor's sessions are back to enrolment only, and the password alone signs in again.
    const admin = await enrol(server.url, server.admin, TEST_ADMIN_PASSWORD);
    const off = await api(server.url, 'DELETE', '/api/users/ed/mfa', undefined, server.admin);
    expect(off.status).toBe(204);
    expect((await api<ErrorBody>(server.url, 'GET', '/api/articles', undefined, limited)).body.error.id).toBe('mfa_enrolment_required');
    expect((await trySignIn(server.url, { username: 'ed', password: ed.password })).status).toBe(200);
    expect((await api<ErrorBody>(server.url, 'DELETE', '/api/users/nobody/mfa', undefined, server.admin)).body.error.id).toBe('user_not_found');
    expect(admin.recoveryCodes).toHaveLength(10);

    const cleared = await api<MfaPolicy>(server.url, 'PUT', '/api/mfa/policy', { requiredRoles: [] }, server.admin);
    expect(cleared.body).toEqual({ requiredRoles: [] });
    expect((await api(server.url, 'GET', '/api/articles', undefined, limited)).status).toBe(200);
  });
});

describe('two-step sign-in without MFA_KEY', () => {
  const server = useTestServer();

  it('stores the secret marked as unsealed, and works the same', async () => {
    const hal = await createUser(server.url, server.admin, 'hal', 'reporter');
    const { secret } = await enrol(server.url, hal.auth, hal.password);
    const db = new Database(databasePath(server.dataDir), { readonly: true });
    try {
      expect((db.prepare('SELECT secret FROM user_mfa').get() as { secret: string }).secret).toBe(`plain:${secret}`);
    } finally {
      db.close();
    }
    expect((await trySignIn(server.url, { username: 'hal', password: hal.password, code: totpCode(secret, Date.now() + STEP_MS) })).status).toBe(200);
  });
});
