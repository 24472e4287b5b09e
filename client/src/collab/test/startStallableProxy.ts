import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** A WebSocket relay in front of the server whose link can go silent, as a dropped network does. */
export interface StallableProxy {
  /** `http://127.0.0.1:<port>`, to use instead of the server's URL. */
  url: string;
  /** From now on every frame, either way, is dropped; no socket is closed. */
  stall(): void;
  close(): Promise<void>;
}

/** Relays every WebSocket to `upstreamUrl` (same path and query, cookie passed on) until `stall`. */
export async function startStallableProxy(upstreamUrl: string): Promise<StallableProxy> {
  let stalled = false;
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const upstreamBase = upstreamUrl.replace(/^http/, 'ws');
  wss.on('connection', (client, request) => {
    const upstream = new WebSocket(upstreamBase + (request.url ?? '/'), {
      headers: request.headers.cookie ? { cookie: request.headers.cookie } : {},
    });
    const pending: RawData[] = [];
    upstream.on('open', () => {
      for (const data of pending.splice(0)) upstream.send(data);
    });
    client.on('message', (data) => {
      if (stalled) return;
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
      else if (upstream.readyState === WebSocket.CONNECTING) pending.push(data);
    });
    upstream.on('message', (data) => {
      if (!stalled && client.readyState === WebSocket.OPEN) client.send(data);
    });
    const closeBoth = () => {
      if (client.readyState === WebSocket.OPEN) client.close(1000);
      if (upstream.readyState === WebSocket.OPEN) upstream.close(1000);
    };
    upstream.on('close', closeBoth);
    client.on('close', closeBoth);
    upstream.on('error', closeBoth);
    client.on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stall: () => {
      stalled = true;
    },
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
