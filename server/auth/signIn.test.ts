import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteAuditLog } from '../storage/sqlite/accounts/SqliteAuditLog.ts';
import { SqliteLoginAttemptStore } from '../storage/sqlite/accounts/SqliteLoginAttemptStore.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { LoginThrottle } from './loginThrottle.ts';
import { hashPassword, parsePasswordHash } from './password.ts';
import { signIn, type SignInDeps } from './signIn.ts';
import type { SignInRefusal } from './SignInMetrics.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'ink and deadlines';
let close: () => void;
let deps: SignInDeps;
let waits: number[];
let users: SqliteUserStore;
let sessions: SqliteSessionStore;
let audit: SqliteAuditLog;
let counted: string[];

beforeEach(async () => {
  const t = openTestDatabase();
  close = t.close;
  users = new SqliteUserStore(t.db);
  sessions = new SqliteSessionStore(t.db);
  audit = new SqliteAuditLog(t.db);
  waits = [];
  counted = [];
  const throttle = new LoginThrottle(new SqliteLoginAttemptStore(t.db), {
    account: { freeFailures: 2 },
    pair: { freeFailures: 100, lockAfter: 4, lockMs: 60_000 },
    address: { freeFailures: 100, lockAfter: 200, lockMs: 60_000 },
    baseDelayMs: 50,
    maxDelayMs: 1000,
    windowMs: 600_000,
  });
  const metrics = {
    signInRefused: (reason: SignInRefusal) => counted.push(reason),
    signInLocked: (scope: string) => counted.push(`locked ${scope}`),
  };
  deps = { users, sessions, throttle, audit, metrics, sessionTtlMs: 3_600_000, scryptParams: FAST, wait: async (ms) => waits.push(ms) };
  const base = { displayName: 'x', role: 'reporter' as const, color: '#000000', createdAt: new Date().toISOString() };
  await users.create({ ...base, username: 'Ana', passwordHash: await hashPassword(PASSWORD, FAST) });
  await users.create({ ...base, username: 'gone', passwordHash: await hashPassword(PASSWORD, FAST), disabled: true });
});
afterEach(() => close());

describe('signIn', () => {
  it('opens a session for the right password, username in any case', async () => {
    const result = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.user.username).toBe('Ana');
    expect((await sessions.find(result.token, new Date()))?.userId).toBe(result.user.id);
  });

  it('answers the same refusal for a wrong password, an unknown user and a disabled account', async () => {
    const answers = await Promise.all([
      await signIn(deps, { username: 'ana', password: 'wrong password', address: '10.0.0.1' }),
      await signIn(deps, { username: 'nobody', password: PASSWORD, address: '10.0.0.1' }),
      await signIn(deps, { username: 'gone', password: PASSWORD, address: '10.0.0.1' }),
    ]);
    expect(answers).toEqual([0, 1, 2].map(() => ({ ok: false, reason: 'invalid_credentials' })));
  });

  it('gives a new session id at every sign-in and ends the one the browser held', async () => {
    const first = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    if (!first.ok) throw new Error(first.reason);
    const second = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1', previousToken: first.token });
    if (!second.ok) throw new Error(second.reason);
    expect(second.token).not.toBe(first.token);
    expect(await sessions.find(first.token, new Date())).toBeNull();
    expect(await sessions.find(second.token, new Date())).not.toBeNull();
  });

  it('slows repeated failures of an account, and refuses them from one address, but lets the right password in from another', async () => {
    for (let i = 0; i < 4; i++) await signIn(deps, { username: 'ana', password: `guess ${i}`, address: '10.0.0.1' });
    expect(waits).toEqual([50]);
    const locked = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    expect(locked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
    const owner = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.9.9' });
    expect(owner.ok).toBe(true);
    expect(waits).toEqual([50, 100]);
  });

  it('counts failures for unknown usernames too', async () => {
    for (let i = 0; i < 4; i++) await signIn(deps, { username: 'nobody', password: 'x', address: '10.0.0.1' });
    expect(await signIn(deps, { username: 'NOBODY', password: 'x', address: '10.0.0.1' })).toMatchObject({ reason: 'throttled' });
  });

  it('writes each refusal to the audit log, a lock once, never what was typed as an unknown username', async () => {
    await signIn(deps, { username: 'ana', password: 'wrong password', address: '10.0.0.1' });
    await signIn(deps, { username: 'gone', password: PASSWORD, address: '10.0.0.1' });
    await signIn(deps, { username: 'my secret password', password: 'x', address: '10.0.0.2' });
    for (let i = 0; i < 3; i++) await signIn(deps, { username: 'ANA', password: `guess ${i}`, address: '10.0.0.1' });
    for (let i = 0; i < 2; i++) await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.3' });

    const failed = { articleId: null, action: 'sign_in_failed', from: null, to: null };
    expect(await audit.forSubject('ana')).toEqual([
      { ...failed, id: expect.any(Number), actor: '10.0.0.1', subject: 'Ana', note: 'wrong password', at: expect.any(String) },
      ...[0, 1, 2].map(() => ({ ...failed, id: expect.any(Number), actor: '10.0.0.1', subject: 'Ana', note: 'wrong password', at: expect.any(String) })),
      {
        id: expect.any(Number),
        articleId: null,
        actor: '10.0.0.1',
        action: 'sign_in_throttled',
        subject: 'Ana',
        from: null,
        to: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        note: 'this account from this address',
        at: expect.any(String),
      },
    ]);
    expect(await audit.forSubject('gone')).toMatchObject([{ action: 'sign_in_failed', actor: '10.0.0.1', note: 'account disabled' }]);
    expect(await audit.forSubject('my secret password')).toEqual([]);
    expect(counted).toEqual([...Array(6).fill('invalid_credentials'), 'throttled', 'locked pair', 'throttled']);
  });

  it('rehashes a weaker stored hash at a successful sign-in', async () => {
    const weak = { N: 2 ** 9, r: 8, p: 1 };
    await users.update('ana', { passwordHash: await hashPassword(PASSWORD, weak) }, new Date().toISOString());
    const result = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    expect(result.ok).toBe(true);
    expect(parsePasswordHash((await users.findByUsername('ana'))!.passwordHash).params).toEqual(FAST);
  });
});
