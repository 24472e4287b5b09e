import { afterEach, describe, expect, it } from 'vitest';
import { loginAttemptStoreContract } from '../storage/loginAttemptStoreContract.ts';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteLoginAttemptStore } from '../storage/sqlite/accounts/SqliteLoginAttemptStore.ts';
import { LoginThrottle, MemoryLoginAttemptStore, type LoginAttemptStore, type LoginThrottleOptions } from './loginThrottle.ts';

const OPTIONS: LoginThrottleOptions = {
  account: { freeFailures: 2, lockAfter: 5, lockMs: 60_000 },
  address: { freeFailures: 4, lockAfter: 8, lockMs: 120_000 },
  baseDelayMs: 100,
  maxDelayMs: 300,
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

loginAttemptStoreContract('memory', () => ({ store: new MemoryLoginAttemptStore(), close: () => undefined }));

describe.each(stores)('LoginThrottle (%s store)', (_name, makeStore) => {
  function setup(store = makeStore()) {
    const clock = { now: 1_000_000 };
    return { clock, store, throttle: new LoginThrottle(store, OPTIONS, () => clock.now) };
  }

  it('lets the first failures through at full speed, then delays progressively up to the cap', async () => {
    const { throttle } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await throttle.check('ana', '10.0.0.1');
      expect(d.allowed).toBe(true);
      delays.push(d.allowed ? d.delayMs : -1);
      await throttle.recordFailure('ana', '10.0.0.1');
    }
    expect(delays).toEqual([0, 0, 0, 100, 200]);
  });

  it('refuses an account for a while after too many failures, from any address', async () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure('ana', `10.0.0.${i}`);
    expect(await throttle.check('ANA', '192.168.1.1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.now += 30_500;
    expect(await throttle.check('ana', '192.168.1.1')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect((await throttle.check('bo', '192.168.1.1')).allowed).toBe(true);
    clock.now += 30_000;
    expect((await throttle.check('ana', '192.168.1.1')).allowed).toBe(true);
  });

  it('starts counting afresh after a lock runs out', async () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure('ana', `10.0.0.${i}`);
    clock.now += 60_000;
    await throttle.recordFailure('ana', '10.0.0.9');
    expect(await throttle.check('ana', '10.0.1.1')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('refuses an address trying many accounts', async () => {
    const { throttle } = setup();
    for (let i = 0; i < 8; i++) await throttle.recordFailure(`user${i}`, '10.9.9.9');
    const refused = await throttle.check('someone-new', '10.9.9.9');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 120 });
    expect((await throttle.check('someone-new', '10.9.9.10')).allowed).toBe(true);
  });

  it('resets the account, but not the address, on success', async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure('ana', '10.0.0.1');
    expect(await throttle.check('ana', '10.0.0.2')).toEqual({ allowed: true, delayMs: 200 });
    await throttle.recordSuccess('ana', '10.0.0.1');
    expect(await throttle.check('ana', '10.0.0.2')).toEqual({ allowed: true, delayMs: 0 });
    await throttle.recordFailure('bo', '10.0.0.1');
    // 5 failures from 10.0.0.1 in all: one over its free allowance of 4.
    expect(await throttle.check('cy', '10.0.0.1')).toEqual({ allowed: true, delayMs: 100 });
  });

  it('forgets failures after a quiet window', async () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure('ana', '10.0.0.1');
    clock.now += OPTIONS.windowMs + 1;
    expect(await throttle.check('ana', '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('keeps its counts in the store, so a new throttle (a restart) still refuses', async () => {
    const { throttle, store, clock } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure('ana', '10.0.0.1');
    const restarted = new LoginThrottle(store, OPTIONS, () => clock.now);
    expect((await restarted.check('ana', '10.0.0.2')).allowed).toBe(false);
  });
});
