import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { hashSessionToken, isWellFormedSessionToken } from '../../../auth/sessionToken.ts';
import { SqliteSessionStore } from './SqliteSessionStore.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

let db: Database.Database;
let close: () => void;
let sessions: SqliteSessionStore;
let userId: number;
let otherId: number;
const HOUR = 3_600_000;
const t0 = new Date('2025-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
  ({ db, close } = openTestDatabase());
  const users = new SqliteUserStore(db);
  const base = { displayName: 'x', role: 'reporter' as const, passwordHash: 'h', color: '#000000', createdAt: t0.toISOString() };
  userId = (await users.create({ ...base, username: 'ana' })).id;
  otherId = (await users.create({ ...base, username: 'bo' })).id;
  sessions = new SqliteSessionStore(db);
});
afterEach(() => close());

describe('SqliteSessionStore', () => {
  it('creates a random token and stores only its hash', async () => {
    const { token, session } = await sessions.create(userId, t0, HOUR);
    expect(isWellFormedSessionToken(token)).toBe(true);
    expect(session.idHash).toBe(hashSessionToken(token));
    const stored = db.prepare('SELECT id_hash FROM sessions').pluck().all();
    expect(stored).toEqual([session.idHash]);
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);
    expect(await sessions.find(token, at(1000))).toEqual(session);
  });

  it('gives every sign-in a new id', async () => {
    const a = await sessions.create(userId, t0, HOUR);
    const b = await sessions.create(userId, t0, HOUR);
    expect(a.token).not.toBe(b.token);
    expect(await sessions.delete(a.token)).toBe(true);
    expect(await sessions.find(a.token, t0)).toBeNull();
    expect(await sessions.find(b.token, t0)).not.toBeNull();
  });

  it('expires a session and deletes it when found expired', async () => {
    const { token } = await sessions.create(userId, t0, HOUR);
    expect(await sessions.find(token, at(HOUR - 1))).not.toBeNull();
    expect(await sessions.find(token, at(HOUR))).toBeNull();
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('slides the expiry when touched', async () => {
    const { token } = await sessions.create(userId, t0, HOUR);
    await sessions.touch(token, at(HOUR / 2), HOUR);
    const found = await sessions.find(token, at(HOUR + 1));
    expect(found?.lastSeenAt).toBe(at(HOUR / 2).toISOString());
    expect(found?.expiresAt).toBe(at(HOUR + HOUR / 2).toISOString());
  });

  it('ends every session of one user and only theirs', async () => {
    const a1 = await sessions.create(userId, t0, HOUR);
    const a2 = await sessions.create(userId, t0, HOUR);
    const b = await sessions.create(otherId, t0, HOUR);
    expect((await sessions.deleteForUser(userId)).sort()).toEqual([a1.session.idHash, a2.session.idHash].sort());
    expect(await sessions.find(a1.token, t0)).toBeNull();
    expect(await sessions.find(b.token, t0)).not.toBeNull();
  });

  it('sweeps expired sessions', async () => {
    await sessions.create(userId, t0, HOUR);
    const long = await sessions.create(otherId, t0, 3 * HOUR);
    expect(await sessions.deleteExpired(at(2 * HOUR))).toBe(1);
    expect(await sessions.find(long.token, at(2 * HOUR))).not.toBeNull();
  });

  it('drops sessions with their user', async () => {
    const { token } = await sessions.create(userId, t0, HOUR);
    db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    expect(await sessions.find(token, t0)).toBeNull();
  });
});
