import fs from 'node:fs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { TrustedProxies } from '../auth/clientAddress.ts';
import { api, connectClient, createStory, createUser, signIn, tempDataDir, waitFor, type TestUser } from './helpers.ts';
import { frameHeader, rawHandshake } from './rawHandshake.ts';
import { openRawSocket } from './rawSocket.ts';
import { spawnServer, TEST_ADMIN_PASSWORD, type SpawnedServer } from './spawnServer.ts';
import { useTestServer } from './testServer.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;
const PARTIAL_FRAME_TIMEOUT_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An awareness message (y-websocket type 1) setting `state` for `clientId` at `clock`. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** Resolves with `promise`'s value, or with 'pending' when it takes longer than `ms`. */
const within = <T,>(promise: Promise<T>, ms: number): Promise<T | 'pending'> => Promise.race([promise, sleep(ms).then(() => 'pending' as const)]);

describe('the collaboration door is checked before anything is read', () => {
  const server = useTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES, partialFrameTimeoutMs: PARTIAL_FRAME_TIMEOUT_MS });
  let id: string;
  let vic: TestUser;

  beforeAll(async () => {
    id = await createStory(server.url, 'Behind the door', server.admin);
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('answers a handshake without a valid session with HTTP 401 and never upgrades it', async () => {
    for (const cookie of [undefined, `copydesk_session=${'B'.repeat(43)}`, 'copydesk_session=garbage']) {
      const raw = rawHandshake(server.url, id, cookie ? { Cookie: cookie } : {});
      expect(await raw.status).toBe(401);
      await raw.closed;
      expect(raw.frames()).toEqual([]);
    }
    // The ws client (as y-websocket in Node) sees the refusal as an HTTP answer, not a close code.
    expect(await openRawSocket(server.url, id, { auth: null }).closed).toBe('http 401');
    expect(await openRawSocket(server.url, 'no-such-story', { auth: null }).closed).toBe('http 401');
  });

  it("answers another site's handshake with HTTP 403, with or without a session", async () => {
    const attempts: Array<Record<string, string>> = [{ Origin: 'http://evil.example' }, { Origin: 'http://evil.example', Cookie: server.admin.cookie }];
    for (const headers of attempts) {
      const raw = rawHandshake(server.url, id, headers);
      expect(await raw.status).toBe(403);
      await raw.closed;
    }
  });

  it('drops a stranger sending a huge frame behind the handshake at once, and keeps serving', async () => {
    const started = Date.now();
    const raw = rawHandshake(server.url, id, {}, Buffer.concat([frameHeader(8 * 1024 * 1024), Buffer.alloc(1024 * 1024)]));
    await raw.closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(raw.frames()).toEqual([]);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('closes a signed-in socket at the header of a frame announcing more than MAX_MESSAGE_BYTES (1009)', async () => {
    const raw = rawHandshake(server.url, id, { Cookie: server.admin.cookie });
    expect(await raw.status).toBe(101);
    const started = Date.now();
    raw.socket.write(frameHeader(MAX_MESSAGE_BYTES + 1));
    await raw.closed;
    expect(raw.closeCode()).toBe(CloseCode.MessageTooBig);
    expect(Date.now() - started).toBeLessThan(PARTIAL_FRAME_TIMEOUT_MS);
  });

  it('terminates a signed-in socket whose frame stays incomplete, within the partial-frame timeout', async () => {
    const raw = rawHandshake(server.url, id, { Cookie: server.admin.cookie });
    expect(await raw.status).toBe(101);
    const started = Date.now();
    raw.socket.write(Buffer.concat([frameHeader(MAX_MESSAGE_BYTES - 10), Buffer.alloc(MAX_MESSAGE_BYTES / 2)]));
    // It keeps trickling bytes: progress does not buy time.
    const trickle = setInterval(() => raw.socket.writable && raw.socket.write(Buffer.alloc(10)), 100);
    expect(await within(raw.closed, PARTIAL_FRAME_TIMEOUT_MS * 4)).not.toBe('pending');
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(PARTIAL_FRAME_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(PARTIAL_FRAME_TIMEOUT_MS + 1_000);
    // Terminated, not closed: a peer stuck mid-frame gets no close frame to wait for.
    expect(raw.closeCode()).toBeNull();
  });

  it('leaves alone a socket that sends whole messages and then idles past the timeout', async () => {
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    await sleep(PARTIAL_FRAME_TIMEOUT_MS * 3);
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });

  it('a session that ends later still closes its open socket with Unauthorized (4401)', async () => {
    const laptop = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    const client = connectClient(server.url, id, { auth: laptop });
    await client.synced;
    expect((await api(server.url, 'DELETE', '/api/session', undefined, laptop)).status).toBe(204);
    expect(await client.closed).toBe(CloseCode.Unauthorized);
    client.destroy();
  });

  describe("a viewer's awareness is bounded (needs AwarenessGuard in Connection)", () => {
    it('an oversized state closes the socket with AwarenessTooLarge and never reaches a colleague', async () => {
      const watcher = connectClient(server.url, id, { auth: server.admin });
      await watcher.synced;
      const raw = openRawSocket(server.url, id, { auth: vic.auth });
      await raw.greeted;
      raw.send(awarenessFrame(424242, 1, { user: { name: 'Vic' }, blob: 'x'.repeat(10_000) }));
      expect(await within(raw.closed, 3_000)).toBe(CloseCode.AwarenessTooLarge);
      await sleep(200);
      expect(watcher.provider.awareness.getStates().has(424242)).toBe(false);
      watcher.destroy();
    });

    it('a flood is cut to the rate bound, its last state still arrives, and only who and where reach a colleague', async () => {
      const watcher = connectClient(server.url, id, { auth: server.admin });
      await watcher.synced;
      const clientId = 515151;
      let seen = 0;
      watcher.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
        if (added.includes(clientId) || updated.includes(clientId)) seen++;
      });
      const raw = openRawSocket(server.url, id, { auth: vic.auth });
      await raw.greeted;
      for (let clock = 1; clock <= 200; clock++) {
        raw.send(awarenessFrame(clientId, clock, { user: { name: 'Vic' }, cursor: { anchor: clock, head: clock }, banner: 'look at me' }));
      }
      await raw.barrier();
      await waitFor('the first state on the watcher', () => watcher.provider.awareness.getStates().has(clientId));
      // What the rate held back is coalesced: the newest cursor reaches the colleague, not every one.
      await waitFor('the last state on the watcher', () => (watcher.provider.awareness.getStates().get(clientId)?.cursor as { head?: number })?.head === 200);
      await sleep(300);
      expect(seen).toBeGreaterThan(0);
      expect(seen).toBeLessThanOrEqual(45);
      const state = watcher.provider.awareness.getStates().get(clientId)!;
      expect(Object.keys(state).sort()).toEqual(['cursor', 'user']);
      expect(state.user).toEqual({ name: 'Vic Viewer', color: vic.user.color });
      expect(raw.ws.readyState).toBe(WebSocket.OPEN);
      raw.ws.close();
      watcher.destroy();
    });
  });
});

describe('open sockets per address', () => {
  const server = useTestServer({ maxSocketsPerAddress: 3 });
  let id: string;

  beforeAll(async () => {
    id = await createStory(server.url, 'Crowded', server.admin);
  });

  it('refuses the next socket from an address at the cap with HTTP 429, a forged X-Forwarded-For changes nothing, and a closed socket frees its place', async () => {
    const open = [0, 1, 2].map(() => openRawSocket(server.url, id, { auth: server.admin }));
    await Promise.all(open.map((socket) => socket.greeted));
    expect(await openRawSocket(server.url, id, { auth: server.admin }).closed).toBe('http 429');
    const forged = rawHandshake(server.url, id, { Cookie: server.admin.cookie, 'X-Forwarded-For': '10.9.9.9' });
    expect(await forged.status).toBe(429);

    open[0]!.ws.close();
    await open[0]!.closed;
    // The server sees the close a moment after the client does.
    let next = openRawSocket(server.url, id, { auth: server.admin });
    for (let attempt = 0; attempt < 20 && (await within(next.greeted, 100)) === 'pending'; attempt++) {
      expect(await next.closed).toBe('http 429');
      next = openRawSocket(server.url, id, { auth: server.admin });
    }
    await next.greeted;
    for (const socket of [...open.slice(1), next]) socket.ws.close();
  });
});

describe('open sockets per address behind a trusted proxy', () => {
  const server = useTestServer({ maxSocketsPerAddress: 1, trustedProxies: new TrustedProxies(['127.0.0.1']) });
  let id: string;

  beforeAll(async () => {
    id = await createStory(server.url, 'Behind the proxy', server.admin);
  });

  it("counts each forwarded client apart, as the sign-in throttle does", async () => {
    const handshake = (forwarded: string) => rawHandshake(server.url, id, { Cookie: server.admin.cookie, 'X-Forwarded-For': forwarded });
    const first = handshake('10.0.0.1');
    const second = handshake('10.0.0.2');
    expect(await first.status).toBe(101);
    expect(await second.status).toBe(101);
    expect(await handshake('10.0.0.1').status).toBe(429);
    // A client cannot prepend its way out: the proxy's right-most entry names it.
    expect(await handshake('10.0.0.99, 10.0.0.1').status).toBe(429);
    first.socket.destroy();
    second.socket.destroy();
  });
});

describe("a stranger cannot exhaust the server's memory before signing in", () => {
  const dir = tempDataDir();
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer({ dataDir: dir.dataDir });
  });
  afterAll(async () => {
    await server?.kill();
    dir.remove();
  });

  const rssBytes = (): number => {
    const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) * 1024;
  };

  it('100 cookie-less sockets each sending an 8 MB frame header and 7.9 MB of payload leave RSS within a few MB', { timeout: 60_000 }, async () => {
    // Warm up the paths a refusal takes, so their code is loaded before the first reading.
    await Promise.all(Array.from({ length: 5 }, () => rawHandshake(server.url, 'warm-up').closed));
    await sleep(300);
    const before = rssBytes();
    const payload = Buffer.alloc(7.9 * 1024 * 1024, 0x61);
    const header = frameHeader(8 * 1024 * 1024);
    const sockets = Array.from({ length: 100 }, () => {
      const raw = rawHandshake(server.url, 'any-story', {}, header);
      raw.socket.write(payload);
      return raw;
    });
    const allClosed = await within(Promise.all(sockets.map((raw) => raw.closed)), 10_000);
    await sleep(500);
    const after = rssBytes();
    const grownMiB = ((after - before) / 2 ** 20).toFixed(1);
    expect(after - before, `RSS grew by ${grownMiB} MiB`).toBeLessThan(16 * 1024 * 1024);
    expect(allClosed).not.toBe('pending');
    const statuses = await Promise.all(sockets.map((raw) => raw.status));
    // Refused before the upgrade: a 401, or a reset that lost it under the unread payload.
    expect(statuses.every((status) => status === 401 || status === null)).toBe(true);
    expect(statuses).toContain(401);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
