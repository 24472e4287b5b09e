import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSessionToken, isWellFormedSessionToken } from '../auth/sessionToken.ts';
import type { SessionStore } from './SessionStore.ts';

/** What a SessionStore implementation gives the contract suite. */
export interface SessionStoreHarness {
  store: SessionStore;
  /** Creates an account and returns its id. */
  ensureUser(username: string): Promise<number>;
  /** Deletes an account straight from the database (no store verb does). */
  deleteUser(userId: number): Promise<void>;
  /** Every stored session row as the database holds it. */
  storedRows(): Promise<Record<string, unknown>[]>;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

const HOUR = 3_600_000;
const t0 = new Date('2025-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** Runs the SessionStore contract against any implementation; every backend must pass it. */
export function sessionStoreContract(name: string, createHarness: () => SessionStoreHarness | Promise<SessionStoreHarness>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let harness: SessionStoreHarness;
    let sessions: SessionStore;
    let userId: number;
    let otherId: number;

    beforeEach(async () => {
      harness = await createHarness();
      sessions = harness.store;
      userId = await harness.ensureUser('ana');
      otherId = await harness.ensureUser('bo');
    });
    afterEach(() => harness.close());

    it('creates a random token and stores only its hash', async () => {
      const { token, session } = await sessions.create(userId, t0, HOUR);
      expect(isWellFormedSessionToken(token)).toBe(true);
      expect(session).toEqual({
        idHash: hashSessionToken(token),
        userId,
        createdAt: t0.toISOString(),
        expiresAt: at(HOUR).toISOString(),
        lastSeenAt: t0.toISOString(),
        userAgent: null,
        address: null,
      });
      const stored = await harness.storedRows();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).toContain(session.idHash);
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(await sessions.find(token, at(1000))).toEqual(session);
    });

    it('gives every sign-in a new id', async () => {
      const a = await sessions.create(userId, t0, HOUR);
      const b = await sessions.create(userId, t0, HOUR);
      expect(a.token).not.toBe(b.token);
      expect(a.session.idHash).not.toBe(b.session.idHash);
      expect(await sessions.delete(a.token)).toBe(true);
      expect(await sessions.find(a.token, t0)).toBeNull();
      expect(await sessions.find(b.token, t0)).not.toBeNull();
    });

    it('answers false or null for a session it does not hold', async () => {
      const { token } = await sessions.create(userId, t0, HOUR);
      const unknown = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      expect(await sessions.find(unknown, t0)).toBeNull();
      expect(await sessions.isLive(hashSessionToken(unknown), t0)).toBe(false);
      expect(await sessions.delete(unknown)).toBe(false);
      await sessions.touch(unknown, at(1000), HOUR);
      expect(await harness.storedRows()).toHaveLength(1);
      expect(await sessions.deleteForUser(otherId)).toEqual([]);
      expect(await sessions.delete(token)).toBe(true);
      expect(await sessions.delete(token)).toBe(false);
    });

    it('expires a session and deletes it when found expired', async () => {
      const { token } = await sessions.create(userId, t0, HOUR);
      expect(await sessions.find(token, at(HOUR - 1))).not.toBeNull();
      expect(await sessions.find(token, at(HOUR))).toBeNull();
      expect(await harness.storedRows()).toHaveLength(0);
      expect(await sessions.find(token, at(HOUR - 1))).toBeNull();
    });

    it('tells whether a session is live by its id hash, until its expiry or its end', async () => {
      const { token, session } = await sessions.create(userId, t0, HOUR);
      expect(await sessions.isLive(session.idHash, at(HOUR - 1))).toBe(true);
      expect(await sessions.isLive(session.idHash, at(HOUR))).toBe(false);
      await sessions.touch(token, at(HOUR / 2), HOUR);
      expect(await sessions.isLive(session.idHash, at(HOUR))).toBe(true);
      await sessions.delete(token);
      expect(await sessions.isLive(session.idHash, at(HOUR))).toBe(false);
    });

    it('slides the expiry when touched', async () => {
      const { token, session } = await sessions.create(userId, t0, HOUR);
      await sessions.touch(token, at(HOUR / 2), HOUR);
      const found = await sessions.find(token, at(HOUR + 1));
      expect(found).toEqual({ ...session, lastSeenAt: at(HOUR / 2).toISOString(), expiresAt: at(HOUR + HOUR / 2).toISOString() });
    });

    it('ends every session of one user and only theirs', async () => {
      const a1 = await sessions.create(userId, t0, HOUR);
      const a2 = await sessions.create(userId, t0, HOUR);
      const b = await sessions.create(otherId, t0, HOUR);
      expect((await sessions.deleteForUser(userId)).sort()).toEqual([a1.session.idHash, a2.session.idHash].sort());
      expect(await sessions.find(a1.token, t0)).toBeNull();
      expect(await sessions.find(a2.token, t0)).toBeNull();
      expect(await sessions.find(b.token, t0)).not.toBeNull();
      expect(await sessions.deleteForUser(userId)).toEqual([]);
    });

    it('keeps where a session was opened from, exactly', async () => {
      const client = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 “Ünïcødé” 𝄞', address: '2001:db8::1' };
      const { token, session } = await sessions.create(userId, t0, HOUR, client);
      expect(session).toMatchObject(client);
      expect(await sessions.find(token, t0)).toEqual(session);
      expect(await sessions.listForUser(userId, t0)).toEqual([session]);
      const partly = await sessions.create(otherId, t0, HOUR, { userAgent: null, address: '10.0.0.7' });
      expect(await sessions.listForUser(otherId, t0)).toEqual([partly.session]);
      expect(partly.session).toMatchObject({ userAgent: null, address: '10.0.0.7' });
    });

    it('lists the live sessions of one user, most recently used first, then newest, then by id hash', async () => {
      const first = await sessions.create(userId, t0, HOUR);
      const later = await sessions.create(userId, at(1000), HOUR);
      const sameMoment = await sessions.create(userId, at(1000), HOUR);
      const untouched = await sessions.create(userId, at(500), HOUR);
      const short = await sessions.create(userId, at(500), 1000);
      await sessions.create(otherId, at(9000), HOUR);
      await sessions.touch(first.token, at(5000), HOUR);

      const listed = await sessions.listForUser(userId, at(2000));
      const [x, y] = [later.session.idHash, sameMoment.session.idHash].sort();
      expect(listed.map((s) => s.idHash)).toEqual([first.session.idHash, x, y, untouched.session.idHash]);
      expect(listed[0]).toEqual({ ...first.session, lastSeenAt: at(5000).toISOString(), expiresAt: at(5000 + HOUR).toISOString() });
      expect(listed.map((s) => s.idHash)).not.toContain(short.session.idHash);
      expect((await sessions.listForUser(userId, at(1499))).map((s) => s.idHash)).toContain(short.session.idHash);
      expect(await sessions.listForUser(userId, at(HOUR + 5000))).toEqual([]);
      expect(await sessions.listForUser(otherId + 1000, t0)).toEqual([]);
    });

    it('ends one session of a user by its id hash, never another user’s', async () => {
      const mine = await sessions.create(userId, t0, HOUR);
      const spare = await sessions.create(userId, t0, HOUR);
      const theirs = await sessions.create(otherId, t0, HOUR);
      expect(await sessions.deleteByHash(userId, theirs.session.idHash)).toBe(false);
      expect(await sessions.find(theirs.token, t0)).not.toBeNull();
      expect(await sessions.deleteByHash(userId, hashSessionToken('not a session'))).toBe(false);
      expect(await sessions.deleteByHash(userId, mine.session.idHash)).toBe(true);
      expect(await sessions.deleteByHash(userId, mine.session.idHash)).toBe(false);
      expect(await sessions.find(mine.token, t0)).toBeNull();
      expect(await sessions.find(spare.token, t0)).not.toBeNull();
      expect(await sessions.isLive(mine.session.idHash, t0)).toBe(false);
    });

    it('ends every session of a user but the one it is told to keep', async () => {
      const kept = await sessions.create(userId, t0, HOUR);
      const a = await sessions.create(userId, t0, HOUR);
      const b = await sessions.create(userId, t0, HOUR);
      const theirs = await sessions.create(otherId, t0, HOUR);
      expect((await sessions.deleteForUser(userId, kept.session.idHash)).sort()).toEqual([a.session.idHash, b.session.idHash].sort());
      expect(await sessions.find(kept.token, t0)).not.toBeNull();
      expect(await sessions.find(a.token, t0)).toBeNull();
      expect(await sessions.deleteForUser(userId, kept.session.idHash)).toEqual([]);
      // Another user's id hash keeps nothing of this user's, and leaves that other session alone.
      expect(await sessions.deleteForUser(userId, theirs.session.idHash)).toEqual([kept.session.idHash]);
      expect(await sessions.find(theirs.token, t0)).not.toBeNull();
    });

    it('sweeps expired sessions, one expiring at that very moment included', async () => {
      await sessions.create(userId, t0, HOUR);
      const long = await sessions.create(otherId, t0, 3 * HOUR);
      expect(await sessions.deleteExpired(at(HOUR - 1))).toBe(0);
      expect(await sessions.deleteExpired(at(HOUR))).toBe(1);
      expect(await sessions.deleteExpired(at(2 * HOUR))).toBe(0);
      expect(await sessions.find(long.token, at(2 * HOUR))).not.toBeNull();
      expect(await harness.storedRows()).toHaveLength(1);
    });

    it('drops sessions with their user', async () => {
      const { token, session } = await sessions.create(userId, t0, HOUR);
      await harness.deleteUser(userId);
      expect(await sessions.isLive(session.idHash, t0)).toBe(false);
      expect(await sessions.find(token, t0)).toBeNull();
    });

    it('refuses a session for an unknown user', async () => {
      await expect(sessions.create(otherId + 1000, t0, HOUR)).rejects.toThrow(/foreign key constraint/i);
      expect(await harness.storedRows()).toHaveLength(0);
    });
  });
}
