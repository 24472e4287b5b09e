import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../log.ts';
import { startTestRedis, type TestRedis } from '../../test/support/redis.ts';
import { StoryBusyError, StoryLockUnavailableError } from '../StoryLock.ts';
import { RedisStoryLock, storyLockKey, type StoryLockTimings } from './RedisStoryLock.ts';
import { RelayStartError } from './RelayStartError.ts';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis?.stop());

const log = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Real Redis, one lock per "server"; every test uses an installation of its own. */
describe('RedisStoryLock', () => {
  const open: RedisStoryLock[] = [];
  let installation = '';
  beforeEach(() => {
    installation = `i${Date.now()}-${Math.random().toString(36).slice(2)}`;
  });
  /** One more server of this test's installation (or of `of`). */
  const server = async (timings: Partial<StoryLockTimings> = {}, of = installation): Promise<RedisStoryLock> => {
    const lock = await RedisStoryLock.connect(redis.url, of, log, timings);
    open.push(lock);
    return lock;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((lock) => lock.close()));
  });

  it('gives one story to one server at a time, in turn; other stories are not held up', async () => {
    const [a, b] = [await server(), await server()];
    const events: string[] = [];
    let letGo!: () => void;
    const first = a.hold('story-1', async () => {
      events.push('a starts');
      await new Promise<void>((resolve) => (letGo = resolve));
      events.push('a ends');
      return 'a';
    });
    await sleep(50);
    const second = b.hold('story-1', async () => {
      events.push('b starts');
      return 'b';
    });
    const other = await b.hold('story-2', async () => 'other story');
    expect(other).toBe('other story');
    await sleep(200);
    expect(events).toEqual(['a starts']);
    letGo();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(events).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('refuses with StoryBusyError after waiting too long, without running the change', async () => {
    const [a, b] = [await server({ waitMs: 300 }), await server({ waitMs: 300 })];
    let letGo!: () => void;
    const held = a.hold('story-1', () => new Promise<void>((resolve) => (letGo = resolve)));
    await sleep(50);
    let ran = false;
    const started = Date.now();
    await expect(
      b.hold('story-1', async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(StoryBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(ran).toBe(false);
    letGo();
    await held;
  });

  it('keeps the lock for a change that runs longer than its life, and lets go once it ends', async () => {
    const [a, b] = [await server({ ttlMs: 300, waitMs: 600 }), await server({ ttlMs: 300, waitMs: 600 })];
    let letGo!: () => void;
    const held = a.hold('story-1', () => new Promise<void>((resolve) => (letGo = resolve)));
    await sleep(50);
    // Three lives of the lock pass while A's change runs: renewed, it is still A's.
    await expect(b.hold('story-1', async () => 'b')).rejects.toBeInstanceOf(StoryBusyError);
    letGo();
    await held;
    expect(await b.hold('story-1', async () => 'b')).toBe('b');
  });

  it('lets go when the change fails', async () => {
    const [a, b] = [await server({ waitMs: 200 }), await server({ waitMs: 200 })];
    await expect(a.hold('story-1', async () => Promise.reject(new Error('the restore failed')))).rejects.toThrow('the restore failed');
    expect(await b.hold('story-1', async () => 'b')).toBe('b');
  });

  it('takes over a lock whose server died holding it once its life is over, and never lets go of another’s', async () => {
    const a = await server({ ttlMs: 5_000, waitMs: 2_000 });
    const raw = new Redis(redis.url);
    try {
      // A server that died: its token, never renewed, never let go.
      await raw.set(storyLockKey(installation, 'story-1'), 'dead-server', 'PX', 400);
      const started = Date.now();
      expect(await a.hold('story-1', async () => raw.get(storyLockKey(installation, 'story-1')))).not.toBe('dead-server');
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      expect(await raw.exists(storyLockKey(installation, 'story-1'))).toBe(0);

      // A's token is not on the key any more when its change ends: what is there stays.
      await a.hold('story-2', async () => {
        await raw.set(storyLockKey(installation, 'story-2'), 'someone-else');
      });
      expect(await raw.get(storyLockKey(installation, 'story-2'))).toBe('someone-else');
    } finally {
      raw.disconnect();
    }
  });

  it('keeps two installations on one Redis apart', async () => {
    const a = await server();
    const stranger = await server({ waitMs: 100 }, `${installation}-other`);
    let letGo!: () => void;
    const held = a.hold('story-1', () => new Promise<void>((resolve) => (letGo = resolve)));
    await sleep(50);
    expect(await stranger.hold('story-1', async () => 'theirs')).toBe('theirs');
    letGo();
    await held;
  });

  it('refuses with StoryLockUnavailableError when Redis cannot be asked, without running the change', async () => {
    const a = await server();
    await a.close();
    let ran = false;
    await expect(
      a.hold('story-1', async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(StoryLockUnavailableError);
    expect(ran).toBe(false);
  });

  it('refuses to connect to a Redis that does not answer, as the relay does at start', async () => {
    await expect(RedisStoryLock.connect('redis://127.0.0.1:1', installation, log)).rejects.toBeInstanceOf(RelayStartError);
  });
});
