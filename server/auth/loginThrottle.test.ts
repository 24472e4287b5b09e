import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteLoginAttemptStore } from '../storage/sqlite/accounts/SqliteLoginAttemptStore.ts';
import { LoginThrottle, keysOf, type LoginAttemptStore, type LoginThrottleOptions } from './loginThrottle.ts';
import { MemoryLoginAttemptStore } from './MemoryLoginAttemptStore.ts';

const OPTIONS: LoginThrottleOptions = {
  account: { freeFailures: 3 },
  pair: { freeFailures: 2, lockAfter: 5, lockMs: 60_000 },
  address: { freeFailures: 6, lockAfter: 10, lockMs: 120_000 },
  baseDelayMs: 100,
  maxDelayMs: 400,
  windowMs: 10 * 60_000,
};

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const stores: [string, () => LoginAttemptStore][] = [
  ['memory', () => new MemoryLoginAttemptStore()],
  [
    'SQLite',
    () => {
      const { db, close } = openTestDatabase();
      cleanups.push(close);
      return new SqliteLoginAttemptStore(db);
    },
  ],
];

describe.each(stores)('LoginThrottle (%s store)', (_name, makeStore) => {
  function setup(store = makeStore()) {
    const clock = { now: 1_000_000 };
    return { clock, store, throttle: new LoginThrottle(store, OPTIONS, () => clock.now) };
  }

  it('lets the first failures of a pair through at full speed, delays the next ones, then refuses the pair', async () => {
    const { throttle, clock } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const decision = await throttle.attempt('ana', '10.0.0.1');
      delays.push(decision.allowed ? decision.delayMs : -1);
    }
    expect(delays).toEqual([0, 0, 0, 100, 200]);
    expect(await throttle.attempt('ANA', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      scope: 'pair',
      lockedNow: true,
      lockedUntil: clock.now + 60_000,
    });
    clock.now += 30_500;
    expect(await throttle.attempt('ana', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
      scope: 'pair',
      lockedNow: false,
      lockedUntil: clock.now - 30_500 + 60_000,
    });
  });

  it('never locks the account: its owner, from another address, gets through while others guess from everywhere', async () => {
    const { throttle } = setup();
    for (let host = 1; host <= 9; host++) {
      for (let i = 0; i < 7; i++) await throttle.attempt('ana', `10.6.6.${host}`);
      expect((await throttle.attempt('ana', `10.6.6.${host}`)).allowed).toBe(false);
    }
    // 9 × 5 guesses got through: the account's delay is at its cap, and that is all.
    expect(await throttle.attempt('ana', '192.168.1.1')).toEqual({ allowed: true, delayMs: OPTIONS.maxDelayMs });
    await throttle.succeeded('ana', '192.168.1.1');
    expect((await throttle.attempt('bo', '10.6.6.1')).allowed).toBe(true);
  });

  it('refuses an address trying many accounts, and only that address', async () => {
    const { throttle } = setup();
    for (let i = 0; i < 10; i++) expect((await throttle.attempt(`user${i}`, '10.9.9.9')).allowed).toBe(true);
    expect(await throttle.attempt('someone-new', '10.9.9.9')).toMatchObject({ allowed: false, retryAfterSeconds: 120, scope: 'address', lockedNow: true });
    expect(await throttle.attempt('someone-else', '10.9.9.9')).toMatchObject({ allowed: false, scope: 'address', lockedNow: false });
    expect(await throttle.attempt('someone-new', '10.9.9.10')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('forgets the pair on success and takes that attempt back, keeping earlier failures of the account and the address', async () => {
    const { throttle, store } = setup();
    for (let i = 0; i < 4; i++) await throttle.attempt('ana', '10.0.0.1');
    expect(await throttle.attempt('ana', '10.0.0.1')).toEqual({ allowed: true, delayMs: 200 });
    await throttle.succeeded('ana', '10.0.0.1');
    const keys = keysOf('ana', '10.0.0.1');
    expect(await store.get(keys.pair)).toBeNull();
    expect(await store.get(keys.account)).toMatchObject({ failures: 4 });
    expect(await store.get(keys.address)).toMatchObject({ failures: 4 });
    // Four failures before: one over the account's free three.
    expect(await throttle.attempt('ana', '10.0.0.1')).toEqual({ allowed: true, delayMs: 100 });
  });

  it('lets a newsroom behind one address sign in all day: successes do not count against the address', async () => {
    const { throttle } = setup();
    for (let i = 0; i < 40; i++) {
      expect(await throttle.attempt(`user${i}`, '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
      await throttle.succeeded(`user${i}`, '10.0.0.1');
    }
  });

  it('counts a burst of simultaneous guesses one by one: only the allowed number gets through', async () => {
    const { throttle } = setup();
    const decisions = await Promise.all(Array.from({ length: 10 }, () => throttle.attempt('ana', '10.0.0.1')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed && d.scope === 'pair')).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed && d.lockedNow)).toHaveLength(1);
  });

  it('starts counting afresh after a lock runs out', async () => {
    const { throttle, clock, store } = setup();
    for (let i = 0; i < 6; i++) await throttle.attempt('ana', '10.0.0.1');
    clock.now += 59_999;
    expect((await throttle.attempt('ana', '10.0.0.1')).allowed).toBe(false);
    clock.now += 1;
    expect((await throttle.attempt('ana', '10.0.0.1')).allowed).toBe(true);
    expect(await store.get(keysOf('ana', '10.0.0.1').pair)).toEqual({ failures: 1, lastFailureAt: clock.now, lockedUntil: 0 });
  });

  it('forgets failures after a quiet window, and deletes them from the store', async () => {
    const { throttle, clock, store } = setup();
    for (let i = 0; i < 4; i++) await throttle.attempt('ana', '10.0.0.1');
    clock.now += OPTIONS.windowMs + 1;
    expect(await throttle.attempt('bo', '10.0.0.2')).toEqual({ allowed: true, delayMs: 0 });
    expect(await store.get(keysOf('ana', '10.0.0.1').account)).toBeNull();
    expect(await throttle.attempt('ana', '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('keeps its counts in the store, so a new throttle (a restart, another server) still refuses', async () => {
    const { throttle, store, clock } = setup();
    for (let i = 0; i < 6; i++) await throttle.attempt('ana', '10.0.0.1');
    const restarted = new LoginThrottle(store, OPTIONS, () => clock.now);
    expect(await restarted.attempt('ana', '10.0.0.1')).toMatchObject({ allowed: false, scope: 'pair', lockedNow: false });
    expect((await restarted.attempt('ana', '10.0.0.2')).allowed).toBe(true);
  });
});

describe('keysOf', () => {
  it('names an account in lower case, whatever the case and spaces it was typed with', () => {
    expect(keysOf('  Ana ', '10.0.0.1')).toEqual({ account: 'account:ana', pair: 'pair:ana 10.0.0.1', address: 'address:10.0.0.1' });
  });

  it('keeps a name no account can have as a digest, never as typed', () => {
    const keys = keysOf('my secret\u0000password\u202e', '::1');
    expect(keys.account).toMatch(/^account:#[0-9a-f]{32}$/);
    expect(keys.pair).toMatch(/^pair:#[0-9a-f]{32} ::1$/);
    expect(keysOf('MY SECRET\u0000PASSWORD\u202e', '::1').account).toBe(keys.account);
  });
});
