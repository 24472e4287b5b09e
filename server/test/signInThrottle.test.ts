import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TrustedProxies } from '../auth/clientAddress.ts';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleOptions } from '../auth/loginThrottle.ts';
import type { AuditEntry } from '../storage/AuditLog.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import { SqliteAuditLog } from '../storage/sqlite/accounts/SqliteAuditLog.ts';
import { api, createUser, metricValue, signInAdmin, startTestServer, tempDataDir, TEST_ADMIN_PASSWORD } from './helpers.ts';

const SMALL: LoginThrottleOptions = {
  account: { freeFailures: 2 },
  pair: { freeFailures: 1, lockAfter: 3, lockMs: 60_000 },
  address: { freeFailures: 5, lockAfter: 6, lockMs: 120_000 },
  baseDelayMs: 20,
  maxDelayMs: 40,
  windowMs: 600_000,
};

interface Run {
  url: string;
  /** The server's audit entries about `username`, read from its database file. */
  auditOf(username: string): Promise<AuditEntry[]>;
  /** The value of one sample of GET /metrics, e.g. `copydesk_sign_in_refusals_total{reason="throttled"}`. */
  metric(sample: string): Promise<number>;
}

async function withServer(trusted: string[], limits: LoginThrottleOptions, run: (server: Run) => Promise<void>): Promise<void> {
  const dir = tempDataDir();
  const server = await startTestServer(dir.dataDir, { loginThrottle: limits, trustedProxies: new TrustedProxies(trusted) });
  try {
    await run({
      url: server.url,
      async auditOf(username) {
        const db = new Database(databasePath(dir.dataDir), { readonly: true });
        try {
          return await new SqliteAuditLog(db).forSubject(username);
        } finally {
          db.close();
        }
      },
      metric: (sample) => metricValue(server.url, sample),
    });
  } finally {
    await server.stop();
    dir.remove();
  }
}

const login = (url: string, username: string, password: string, forwardedFor?: string) =>
  api(url, 'POST', '/api/session', { username, password }, null, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});

describe('sign-in throttling', () => {
  it('answers an unknown user and a wrong password alike, then refuses the account from that address with 429 and Retry-After', async () => {
    await withServer([], SMALL, async ({ url }) => {
      const admin = await signInAdmin(url);
      const rita = await createUser(url, admin, 'rita', 'reporter');
      const unknown = await login(url, 'nobody', 'whatever password');
      const wrong = await login(url, 'rita', 'not her password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({ error: { id: 'invalid_credentials', message: 'Wrong username or password.' } });

      await login(url, 'rita', 'still not it');
      await login(url, 'rita', 'nor this');
      // Three guesses from this address: now even the right password is refused from it.
      const locked = await login(url, 'rita', rita.password);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ error: { id: 'too_many_attempts' } });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Other accounts are not locked by it.
      expect((await login(url, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    });
  });

  it('refuses an address guessing many accounts, and a forged X-Forwarded-For does not help', async () => {
    await withServer([], SMALL, async ({ url }) => {
      for (let i = 0; i < 6; i++) expect((await login(url, `user${i}`, 'guess guess guess', `10.0.0.${i}`)).status).toBe(401);
      const refused = await login(url, 'admin', TEST_ADMIN_PASSWORD, '10.9.9.9');
      expect(refused.status).toBe(429);
    });
  });

  it('believes X-Forwarded-For from a trusted proxy, so one office address does not lock another', async () => {
    await withServer(['127.0.0.1', '::1'], SMALL, async ({ url }) => {
      for (let i = 0; i < 6; i++) expect((await login(url, `user${i}`, 'guess guess guess', '10.0.0.1')).status).toBe(401);
      expect((await login(url, 'user9', 'guess guess guess', '10.0.0.1')).status).toBe(429);
      expect((await login(url, 'admin', TEST_ADMIN_PASSWORD, '10.0.0.2')).status).toBe(200);
    });
  });

  it('cannot be turned against the user: ten wrong passwords for admin, and admin still signs in from another address', async () => {
    // The default limits, with delays too short to wait for.
    await withServer(['127.0.0.1', '::1'], { ...DEFAULT_LOGIN_THROTTLE, baseDelayMs: 1, maxDelayMs: 5 }, async ({ url }) => {
      for (let i = 0; i < 10; i++) expect((await login(url, 'admin', `guess number ${i}`, '203.0.113.66')).status).toBe(401);
      expect((await login(url, 'admin', TEST_ADMIN_PASSWORD, '203.0.113.66')).status).toBe(429);
      const owner = await login(url, 'admin', TEST_ADMIN_PASSWORD, '198.51.100.7');
      expect(owner.status).toBe(200);
    });
  });

  it('lets the owner in from another address while an attacker hammers the account, from one address and from many; records it all', async () => {
    const limits = { ...SMALL, address: { freeFailures: 50, lockAfter: 100, lockMs: 120_000 } };
    await withServer(['127.0.0.1', '::1'], limits, async ({ url, auditOf, metric }) => {
      const rita = await createUser(url, await signInAdmin(url), 'rita', 'reporter');
      const attacker = await Promise.all(Array.from({ length: 12 }, (_, i) => login(url, 'rita', `guess ${i}`, '203.0.113.66')));
      // A burst counts one by one: three guesses, the rest refused.
      expect(attacker.map((r) => r.status).sort()).toEqual([...Array(3).fill(401), ...Array(9).fill(429)]);
      expect((await login(url, 'rita', rita.password, '203.0.113.66')).status).toBe(429);
      for (let host = 1; host <= 4; host++) {
        for (let i = 0; i < 3; i++) expect((await login(url, 'rita', `guess ${i}`, `203.0.113.${host}`)).status).toBe(401);
      }

      const started = Date.now();
      const owner = await login(url, 'rita', rita.password, '198.51.100.7');
      expect(owner.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      const cookie = owner.headers.getSetCookie()[0]!.split(';')[0]!;
      expect((await api(url, 'GET', '/api/me', undefined, { cookie })).body).toMatchObject({ username: 'rita' });

      expect(await metric('copydesk_sign_in_refusals_total{reason="invalid_credentials"}')).toBe(15);
      expect(await metric('copydesk_sign_in_refusals_total{reason="throttled"}')).toBe(10);
      expect(await metric('copydesk_sign_in_locks_total{scope="pair"}')).toBe(1);
      expect(await metric('copydesk_sign_in_locks_total{scope="address"}')).toBe(0);

      const entries = await auditOf('rita');
      const failed = entries.filter((e) => e.action === 'sign_in_failed');
      expect(failed).toHaveLength(15);
      expect(new Set(failed.map((e) => e.actor))).toEqual(new Set(['203.0.113.66', '203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']));
      expect(failed.every((e) => e.note === 'wrong password' && e.subject === 'rita')).toBe(true);
      const throttled = entries.filter((e) => e.action === 'sign_in_throttled');
      expect(throttled).toEqual([
        expect.objectContaining({ actor: '203.0.113.66', subject: 'rita', note: 'this account from this address', to: expect.stringMatching(/Z$/) }),
      ]);
    });
  });
});
