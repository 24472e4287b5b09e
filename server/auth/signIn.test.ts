import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteLoginAttemptStore } from '../storage/sqlite/accounts/SqliteLoginAttemptStore.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { LoginThrottle } from './loginThrottle.ts';
import { hashPassword, parsePasswordHash } from './password.ts';
import { signIn, type SignInDeps } from './signIn.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'ink and deadlines';
let close: () => void;
let deps: SignInDeps;
let waits: number[];
let users: SqliteUserStore;
let sessions: SqliteSessionStore;

beforeEach(async () => {
  const t = openTestDatabase();
  close = t.close;
  users = new SqliteUserStore(t.db);
  sessions = new SqliteSessionStore(t.db);
  waits = [];
  const throttle = new LoginThrottle(new SqliteLoginAttemptStore(t.db), {
    account: { freeFailures: 2, lockAfter: 4, lockMs: 60_000 },
    address: { freeFailures: 100, lockAfter: 200, lockMs: 60_000 },
    baseDelayMs: 50,
    maxDelayMs: 1000,
    windowMs: 600_000,
  });
  deps = { users, sessions, throttle, sessionTtlMs: 3_600_000, scryptParams: FAST, wait: async (ms) => waits.push(ms) };
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

  it('slows repeated failures, then refuses even the right password for a while', async () => {
    for (let i = 0; i < 4; i++) await signIn(deps, { username: 'ana', password: `guess ${i}`, address: `10.0.0.${i}` });
    expect(waits).toEqual([50]);
    const locked = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.9.9' });
    expect(locked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
  });

  it('counts failures for unknown usernames too', async () => {
    for (let i = 0; i < 4; i++) await signIn(deps, { username: 'nobody', password: 'x', address: '10.0.0.1' });
    expect(await signIn(deps, { username: 'NOBODY', password: 'x', address: '10.0.0.2' })).toMatchObject({ reason: 'throttled' });
  });

  it('rehashes a weaker stored hash at a successful sign-in', async () => {
    const weak = { N: 2 ** 9, r: 8, p: 1 };
    await users.update('ana', { passwordHash: await hashPassword(PASSWORD, weak) }, new Date().toISOString());
    const result = await signIn(deps, { username: 'ana', password: PASSWORD, address: '10.0.0.1' });
    expect(result.ok).toBe(true);
    expect(parsePasswordHash((await users.findByUsername('ana'))!.passwordHash).params).toEqual(FAST);
  });
});
