import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { resolveSession, type ResolveSessionDeps } from './resolveSession.ts';

const HOUR = 3_600_000;
let close: () => void;
let users: SqliteUserStore;
let sessions: SqliteSessionStore;
let clock: { now: number };
let deps: ResolveSessionDeps;
let userId: number;

beforeEach(async () => {
  const t = openTestDatabase();
  close = t.close;
  users = new SqliteUserStore(t.db);
  sessions = new SqliteSessionStore(t.db);
  clock = { now: Date.parse('2025-05-01T08:00:00Z') };
  deps = { users, sessions, sessionTtlMs: HOUR, now: () => new Date(clock.now) };
  userId = (await users.create({ username: 'ana', displayName: 'Ana', role: 'editor', passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00Z' })).id;
});
afterEach(() => close());

const cookieFor = (token: string) => `other=1; ${SESSION_COOKIE}=${token}`;

describe('resolveSession', () => {
  it('finds the user behind a valid cookie', async () => {
    const { token } = await sessions.create(userId, new Date(clock.now), HOUR);
    const auth = await resolveSession(cookieFor(token), deps);
    expect(auth?.user.username).toBe('ana');
    expect(auth?.token).toBe(token);
  });

  it('answers null without a cookie, with a malformed or unknown token, and after expiry', async () => {
    const { token } = await sessions.create(userId, new Date(clock.now), HOUR);
    expect(await resolveSession(undefined, deps)).toBeNull();
    expect(await resolveSession(cookieFor('short'), deps)).toBeNull();
    expect(await resolveSession(cookieFor('A'.repeat(43)), deps)).toBeNull();
    clock.now += HOUR;
    expect(await resolveSession(cookieFor(token), deps)).toBeNull();
  });

  it('slides the expiry with activity, writing at most once a minute', async () => {
    const { token } = await sessions.create(userId, new Date(clock.now), HOUR);
    clock.now += 30_000;
    expect((await resolveSession(cookieFor(token), deps))?.session.lastSeenAt).toBe(new Date(clock.now - 30_000).toISOString());
    clock.now += 40 * 60_000;
    await resolveSession(cookieFor(token), deps);
    clock.now += 40 * 60_000; // 80 minutes after sign-in, 40 after the last activity
    expect(await resolveSession(cookieFor(token), deps)).not.toBeNull();
  });

  it('ends every session of an account once it is disabled', async () => {
    const a = await sessions.create(userId, new Date(clock.now), HOUR);
    const b = await sessions.create(userId, new Date(clock.now), HOUR);
    await users.update('ana', { disabled: true }, new Date(clock.now).toISOString());
    expect(await resolveSession(cookieFor(a.token), deps)).toBeNull();
    await users.update('ana', { disabled: false }, new Date(clock.now).toISOString());
    expect(await resolveSession(cookieFor(b.token), deps)).toBeNull();
  });
});
