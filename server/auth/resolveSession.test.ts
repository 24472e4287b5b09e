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

beforeEach(() => {
  const t = openTestDatabase();
  close = t.close;
  users = new SqliteUserStore(t.db);
  sessions = new SqliteSessionStore(t.db);
  clock = { now: Date.parse('2025-05-01T08:00:00Z') };
  deps = { users, sessions, sessionTtlMs: HOUR, now: () => new Date(clock.now) };
  userId = users.create({ username: 'ana', displayName: 'Ana', role: 'editor', passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00Z' }).id;
});
afterEach(() => close());

const cookieFor = (token: string) => `other=1; ${SESSION_COOKIE}=${token}`;

describe('resolveSession', () => {
  it('finds the user behind a valid cookie', () => {
    const { token } = sessions.create(userId, new Date(clock.now), HOUR);
    const auth = resolveSession(cookieFor(token), deps);
    expect(auth?.user.username).toBe('ana');
    expect(auth?.token).toBe(token);
  });

  it('answers null without a cookie, with a malformed or unknown token, and after expiry', () => {
    const { token } = sessions.create(userId, new Date(clock.now), HOUR);
    expect(resolveSession(undefined, deps)).toBeNull();
    expect(resolveSession(cookieFor('short'), deps)).toBeNull();
    expect(resolveSession(cookieFor('A'.repeat(43)), deps)).toBeNull();
    clock.now += HOUR;
    expect(resolveSession(cookieFor(token), deps)).toBeNull();
  });

  it('slides the expiry with activity, writing at most once a minute', () => {
    const { token } = sessions.create(userId, new Date(clock.now), HOUR);
    clock.now += 30_000;
    expect(resolveSession(cookieFor(token), deps)?.session.lastSeenAt).toBe(new Date(clock.now - 30_000).toISOString());
    clock.now += 40 * 60_000;
    resolveSession(cookieFor(token), deps);
    clock.now += 40 * 60_000; // 80 minutes after sign-in, 40 after the last activity
    expect(resolveSession(cookieFor(token), deps)).not.toBeNull();
  });

  it('ends every session of an account once it is disabled', () => {
    const a = sessions.create(userId, new Date(clock.now), HOUR);
    const b = sessions.create(userId, new Date(clock.now), HOUR);
    users.update('ana', { disabled: true }, new Date(clock.now).toISOString());
    expect(resolveSession(cookieFor(a.token), deps)).toBeNull();
    users.update('ana', { disabled: false }, new Date(clock.now).toISOString());
    expect(resolveSession(cookieFor(b.token), deps)).toBeNull();
  });
});
