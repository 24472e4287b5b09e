import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { LiveSockets } from './LiveSockets.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real WebSocket server whose connections register under `?user=&session=`. */
async function startServer(live: LiveSockets): Promise<string> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const unregister = live.add(Number(url.searchParams.get('user')), url.searchParams.get('session') ?? '', ws);
    ws.on('close', unregister);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  );
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function connect(base: string, user: number, session: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${base}?user=${user}&session=${session}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  cleanups.push(() => ws.terminate());
  return { ws, closed };
}

describe('LiveSockets', () => {
  it('closes every socket of one session (sign-out) with the given code, and no other', async () => {
    const live = new LiveSockets();
    const base = await startServer(live);
    const a1 = await connect(base, 1, 'sA');
    const a2 = await connect(base, 1, 'sA');
    const other = await connect(base, 1, 'sB');
    await expect.poll(() => live.countForUser(1)).toBe(3);
    expect(live.closeSession('sA', CloseCode.Unauthorized, 'signed out')).toBe(2);
    expect(await a1.closed).toBe(CloseCode.Unauthorized);
    expect(await a2.closed).toBe(CloseCode.Unauthorized);
    expect(other.ws.readyState).toBe(WebSocket.OPEN);
    expect(live.countForUser(1)).toBe(1);
  });

  it('closes every socket of one user (disabled, role changed) across sessions', async () => {
    const live = new LiveSockets();
    const base = await startServer(live);
    const mine = [await connect(base, 7, 's1'), await connect(base, 7, 's2')];
    const theirs = await connect(base, 8, 's3');
    await expect.poll(() => live.countForUser(7)).toBe(2);
    expect(live.closeUser(7, CloseCode.Forbidden, 'role changed')).toBe(2);
    expect(await Promise.all(mine.map((m) => m.closed))).toEqual([CloseCode.Forbidden, CloseCode.Forbidden]);
    expect(theirs.ws.readyState).toBe(WebSocket.OPEN);
    expect(live.closeUser(7, CloseCode.Forbidden, 'again')).toBe(0);
  });

  it('closes the sockets of sessions no longer live, asking once per session', async () => {
    const live = new LiveSockets();
    const base = await startServer(live);
    const expired = [await connect(base, 4, 'old'), await connect(base, 4, 'old')];
    const current = await connect(base, 4, 'new');
    await expect.poll(() => live.countForUser(4)).toBe(3);
    const asked: string[] = [];
    const closed = await live.closeExpired(async (hash) => (asked.push(hash), hash !== 'old'), CloseCode.Unauthorized, 'session expired');
    expect(closed).toBe(2);
    expect(asked.sort()).toEqual(['new', 'old']);
    expect(await Promise.all(expired.map((e) => e.closed))).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized]);
    expect(current.ws.readyState).toBe(WebSocket.OPEN);
    expect(live.countForUser(4)).toBe(1);
  });

  it('forgets a socket that closed by itself', async () => {
    const live = new LiveSockets();
    const base = await startServer(live);
    const a = await connect(base, 3, 's');
    await expect.poll(() => live.countForUser(3)).toBe(1);
    a.ws.close(1000);
    await expect.poll(() => live.countForUser(3)).toBe(0);
  });
});
