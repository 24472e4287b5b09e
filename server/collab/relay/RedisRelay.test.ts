import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../log.ts';
import { Metrics } from '../../metrics/Metrics.ts';
import { startTestRedis, type TestRedis } from '../../test/support/redis.ts';
import { createRedisRelay, RelayStartError, STORY_CHANNEL_PREFIX, type RedisRelay } from './RedisRelay.ts';
import type { RelayHandlers } from './StoryRelay.ts';

/** A logger that keeps its lines, so a failing test can show what the relay said. */
function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields ? JSON.stringify(fields, (_, v) => (v instanceof Error ? v.message : v)) : ''}`);
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Handlers that record what they receive, as copies. */
function recorder(): { handlers: RelayHandlers; updates: Buffer[]; awareness: Buffer[] } {
  const updates: Buffer[] = [];
  const awareness: Buffer[] = [];
  const handlers: RelayHandlers = {
    update: (bytes) => updates.push(Buffer.from(bytes)),
    awareness: (bytes) => awareness.push(Buffer.from(bytes)),
  };
  return { handlers, updates, awareness };
}

function story(): string {
  return `test-${randomUUID()}`;
}

async function numsub(url: string, articleId: string): Promise<number> {
  const client = new Redis(url);
  try {
    const [, count] = (await client.pubsub('NUMSUB', STORY_CHANNEL_PREFIX + articleId)) as [string, number];
    return Number(count);
  } finally {
    client.disconnect();
  }
}

describe('RedisRelay', () => {
  let redis: TestRedis;
  const opened: RedisRelay[] = [];

  async function relay(url = redis.url): Promise<RedisRelay & { log: ReturnType<typeof memoryLog> }> {
    const log = memoryLog();
    const created = await createRedisRelay(url, log);
    opened.push(created);
    return Object.assign(created, { log });
  }

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('delivers an update from A to B byte for byte, and not back to A', async () => {
    const [a, b] = [await relay(), await relay()];
    const id = story();
    const atA = recorder();
    const atB = recorder();
    await a.subscribe(id, atA.handlers);
    await b.subscribe(id, atB.handlers);
    expect(a.healthy && b.healthy).toBe(true);

    const update = randomBytes(2_000);
    update[0] = 0;
    update[update.length - 1] = 0;
    a.publishUpdate(id, new Uint8Array(update));
    await waitFor('B to receive the update', () => atB.updates.length === 1);
    expect(atB.updates[0]!.equals(update)).toBe(true);
    expect(atB.awareness).toEqual([]);

    // Redis delivers in publish order: once B's marker reached A, A's own update would have too.
    const marker = Buffer.from('from B');
    b.publishUpdate(id, marker);
    await waitFor('A to receive B’s marker', () => atA.updates.length >= 1);
    expect(atA.updates).toEqual([marker]);
    expect(atB.updates).toHaveLength(1);
  });

  it('delivers awareness from A to B as awareness, and not back to A', async () => {
    const [a, b] = [await relay(), await relay()];
    const id = story();
    const atA = recorder();
    const atB = recorder();
    await a.subscribe(id, atA.handlers);
    await b.subscribe(id, atB.handlers);

    const state = Buffer.from([1, 2, 3, 0, 255]);
    a.publishAwareness(id, state);
    await waitFor('B to receive awareness', () => atB.awareness.length === 1);
    expect(atB.awareness[0]!.equals(state)).toBe(true);
    expect(atB.updates).toEqual([]);

    b.publishAwareness(id, Buffer.from('marker'));
    await waitFor('A to receive B’s awareness', () => atA.awareness.length >= 1);
    expect(atA.awareness).toEqual([Buffer.from('marker')]);
    expect(atA.updates).toEqual([]);
  });

  it('does not deliver a story B did not subscribe to', async () => {
    const [a, b] = [await relay(), await relay()];
    const [subscribed, other] = [story(), story()];
    const atB = recorder();
    await b.subscribe(subscribed, atB.handlers);

    a.publishUpdate(other, Buffer.from('other story'));
    a.publishAwareness(other, Buffer.from('other story'));
    a.publishUpdate(subscribed, Buffer.from('this story'));
    await waitFor('B to receive its story', () => atB.updates.length === 1);
    expect(atB.updates).toEqual([Buffer.from('this story')]);
    expect(atB.awareness).toEqual([]);
  });

  it('shares one Redis subscription between two subscriptions of a story, until the last closes', async () => {
    const [a, b] = [await relay(), await relay()];
    const id = story();
    const first = recorder();
    const second = recorder();
    const one = await b.subscribe(id, first.handlers);
    const two = await b.subscribe(id, second.handlers);
    expect(await numsub(redis.url, id)).toBe(1);

    a.publishUpdate(id, Buffer.from('to both'));
    await waitFor('both subscriptions to receive', () => first.updates.length === 1 && second.updates.length === 1);

    await one.close();
    await one.close(); // closing twice must not close the other
    expect(await numsub(redis.url, id)).toBe(1);
    a.publishUpdate(id, Buffer.from('to the second'));
    await waitFor('the open subscription to receive', () => second.updates.length === 2);
    expect(second.updates[1]).toEqual(Buffer.from('to the second'));
    expect(first.updates).toHaveLength(1);

    await two.close();
    expect(await numsub(redis.url, id)).toBe(0);

    // Subscribing again after the last closed subscribes the channel again.
    const third = recorder();
    await b.subscribe(id, third.handlers);
    a.publishUpdate(id, Buffer.from('again'));
    await waitFor('a new subscription to receive', () => third.updates.length === 1);
  });

  it('keeps the order of 1,000 updates from A at B', async () => {
    const [a, b] = [await relay(), await relay()];
    const id = story();
    const atB = recorder();
    await b.subscribe(id, atB.handlers);
    for (let i = 0; i < 1_000; i++) {
      const update = Buffer.alloc(4);
      update.writeUInt32BE(i);
      a.publishUpdate(id, update);
    }
    await waitFor('B to receive 1,000 updates', () => atB.updates.length === 1_000, 10_000);
    expect(atB.updates.map((u) => u.readUInt32BE(0))).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('relays a burst of 20,000 updates sent in one event-loop turn, none dropped', async () => {
    const [a, b] = [await relay(), await relay()];
    const id = story();
    const atB = recorder();
    await b.subscribe(id, atB.handlers);
    const update = randomBytes(100);
    for (let i = 0; i < 20_000; i++) a.publishUpdate(id, update);
    await waitFor('B to receive 20,000 updates', () => atB.updates.length === 20_000, 15_000);
    expect(a.log.lines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('stamps each message with its publish time: the receiving server observes the lag of document updates', async () => {
    const metrics = new Metrics();
    const a = await relay();
    const b = await createRedisRelay(redis.url, memoryLog(), metrics);
    opened.push(b);
    const id = story();
    const atB = recorder();
    await b.subscribe(id, atB.handlers);
    a.publishUpdate(id, Buffer.from('one'));
    a.publishUpdate(id, Buffer.from('two'));
    a.publishAwareness(id, Buffer.from('a cursor'));
    // A server of an earlier version sends unstamped messages: still delivered, no lag to observe.
    const earlier = new Redis(redis.url);
    try {
      await earlier.publish(STORY_CHANNEL_PREFIX + id, Buffer.concat([Buffer.from([1]), randomBytes(16), Buffer.from('unstamped')]));
    } finally {
      earlier.disconnect();
    }
    await waitFor('B to receive three updates and the awareness', () => atB.updates.length === 3 && atB.awareness.length === 1);
    expect(atB.updates.map(String).sort()).toEqual(['one', 'two', 'unstamped']);
    expect(atB.awareness.map(String)).toEqual(['a cursor']);
    const text = await metrics.text();
    const read = (name: string) => Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((line) => line.startsWith(`${name} `)) ?? '')?.[2]);
    expect(read('copydesk_relay_lag_seconds_count')).toBe(2);
    expect(read('copydesk_relay_lag_seconds_sum')).toBeGreaterThanOrEqual(0);
    expect(read('copydesk_relay_lag_seconds_sum')).toBeLessThan(5);
  });

  it('when only A loses Redis, B is told to re-read each story whose stored updates A could not publish (not for cursors)', async () => {
    const admin = new Redis(redis.url);
    try {
      const before = new Set(((await admin.client('LIST')) as string).split('\n').map((line) => /\bid=(\d+)/.exec(line)?.[1]).filter(Boolean));
      const a = await relay();
      const ofA = ((await admin.client('LIST')) as string)
        .split('\n')
        .filter((line) => /name=copydesk-relay-publish\b/.test(line))
        .map((line) => /\bid=(\d+)/.exec(line)![1]!)
        .filter((id) => !before.has(id));
      expect(ofA).toHaveLength(1);
      const b = await relay();
      const [typed, moved] = [story(), story()];
      const resyncs: string[] = [];
      for (const id of [typed, moved]) {
        await a.subscribe(id, recorder().handlers);
        await b.subscribe(id, { ...recorder().handlers, resync: () => resyncs.push(id) });
      }
      await admin.client('KILL', 'ID', ofA[0]!);
      await waitFor('A to notice', () => !a.healthy);
      a.publishUpdate(typed, Uint8Array.of(1, 2, 3));
      a.publishAwareness(moved, Uint8Array.of(4));
      await waitFor('A to be back', () => a.healthy);
      await waitFor('B to be told to re-read', () => resyncs.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(resyncs).toEqual([typed]);
    } finally {
      admin.disconnect();
    }
  });

  it('refuses a malformed URL and an unreachable Redis at start, with a clear error', async () => {
    const log = memoryLog();
    await expect(createRedisRelay('not a url', log)).rejects.toMatchObject({ id: 'relay_bad_url' });
    await expect(createRedisRelay('http://127.0.0.1:6379', log)).rejects.toMatchObject({ id: 'relay_bad_url' });

    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const unreachable = createRedisRelay(`redis://:secret@127.0.0.1:${port}`, log);
    await expect(unreachable).rejects.toBeInstanceOf(RelayStartError);
    const error = (await unreachable.catch((e: unknown) => e)) as RelayStartError;
    expect(error.id).toBe('relay_unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('secret');
  });
});

describe('RedisRelay across a Redis restart', () => {
  let redis: TestRedis;
  const opened: RedisRelay[] = [];

  beforeAll(async () => {
    redis = await startTestRedis({ own: true });
  });
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((r) => r.close()));
    await redis?.stop();
  });

  it('goes unhealthy, drops publishes without blocking, then re-subscribes, reports onReconnect and relays again', async () => {
    const logs = [memoryLog(), memoryLog()];
    const a = await createRedisRelay(redis.url, logs[0]!);
    const b = await createRedisRelay(redis.url, logs[1]!);
    opened.push(a, b);
    const id = story();
    const atB = recorder();
    await b.subscribe(id, atB.handlers);
    const reconnects = { a: 0, b: 0 };
    a.onReconnect(() => reconnects.a++);

    // A message published by another server the moment B says it is back must reach B: the
    // listener may run only once B's channel is subscribed again.
    const probe = new Redis(redis.url, { lazyConnect: true, retryStrategy: () => 50 });
    probe.on('error', () => {});
    const probeMessage = Buffer.concat([Buffer.from([1]), randomBytes(16), Buffer.from('published at reconnect')]);
    b.onReconnect(() => {
      reconnects.b++;
      void probe.publish(STORY_CHANNEL_PREFIX + id, probeMessage);
    });

    a.publishUpdate(id, Buffer.from('before'));
    await waitFor('B to receive the first update', () => atB.updates.length === 1);

    await redis.kill();
    await waitFor('both relays to notice', () => !a.healthy && !b.healthy);

    const started = performance.now();
    for (let i = 0; i < 1_000; i++) {
      a.publishUpdate(id, Buffer.from(`during ${i}`));
      a.publishAwareness(id, Buffer.from(`during ${i}`));
    }
    expect(performance.now() - started).toBeLessThan(500);
    // A story opened during the outage is registered, and subscribed once Redis is back.
    const late = story();
    const atLate = recorder();
    await b.subscribe(late, atLate.handlers);

    await redis.start();
    // B may be back first: its listener's publish then connects the probe itself.
    if (probe.status === 'wait') await probe.connect();
    await waitFor('both relays to be healthy again', () => a.healthy && b.healthy, 10_000);
    await waitFor('onReconnect on both', () => reconnects.a === 1 && reconnects.b === 1);
    await waitFor('B to receive the message published at reconnect', () => atB.updates.length === 2);
    expect(atB.updates[1]).toEqual(Buffer.from('published at reconnect'));
    probe.disconnect();

    a.publishUpdate(id, Buffer.from('after'));
    a.publishUpdate(late, Buffer.from('late story'));
    await waitFor('B to receive updates after the restart', () => atB.updates.length === 3 && atLate.updates.length === 1);
    // Dropped while Redis was down, not queued: the servers catch up from the database instead.
    expect(atB.updates.map(String)).toEqual(['before', 'published at reconnect', 'after']);
    expect(atB.awareness).toEqual([]);
    expect(atLate.updates).toEqual([Buffer.from('late story')]);
    expect(logs[0]!.lines.some((line) => line.startsWith('warn relay: publish dropped'))).toBe(true);
    expect(reconnects).toEqual({ a: 1, b: 1 });
  });
});
