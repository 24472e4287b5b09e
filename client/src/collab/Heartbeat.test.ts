import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, createStory, signInAdmin, startTestServer, tempDataDir, waitFor, type TestClient } from '../../../server/test/helpers.ts';
import { Heartbeat, type HeartbeatTiming } from './Heartbeat.ts';
import { startStallableProxy, type StallableProxy } from './test/startStallableProxy.ts';

const timing: HeartbeatTiming = { quietMs: 300, answerMs: 400 };

describe('Heartbeat against the real server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function setup(): Promise<{ client: TestClient; proxy: StallableProxy; deaths: number[] }> {
    const temp = tempDataDir();
    cleanups.push(() => temp.remove());
    const server = await startTestServer(temp.dataDir);
    cleanups.push(() => server.stop());
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Is anyone there', admin);
    const proxy = await startStallableProxy(server.url);
    cleanups.push(() => proxy.close());
    const client = connectClient(proxy.url, id, { auth: admin });
    cleanups.push(() => client.destroy());
    await client.synced;
    const deaths: number[] = [];
    const heartbeat = new Heartbeat(client.provider, () => deaths.push(Date.now()), timing);
    cleanups.push(() => heartbeat.destroy());
    return { client, proxy, deaths };
  }

  it('keeps an idle, live connection answering and never calls it dead', async () => {
    const { client, deaths } = await setup();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(deaths).toEqual([]);
    // Nothing else was said for two seconds: only the heartbeat's questions got these answers.
    expect(Date.now() - client.provider.wsLastMessageReceived).toBeLessThan(timing.quietMs + timing.answerMs);
  });

  it('calls a connection that went silent dead within a few seconds, long before y-websocket’s 30', async () => {
    const { client, proxy, deaths } = await setup();
    const stalledAt = Date.now();
    proxy.stall();
    await waitFor('the heartbeat to give up', () => deaths.length > 0, 5000);
    expect(deaths[0]! - stalledAt).toBeLessThan(timing.quietMs + timing.answerMs + 500);
    // The socket itself never closed: only the heartbeat noticed.
    expect(client.provider.wsconnected).toBe(true);
  });
});
