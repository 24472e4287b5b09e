import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** A WebSocket relay in front of the server, slowing what clients send by a fixed delay. */
export interface DelayingProxy {
  /** `http://127.0.0.1:<port>`, to use instead of the server's URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * Relays every WebSocket to `upstreamUrl` (same path and query), holding each client-to-server
 * frame back for `delayMs`, in order. It stands for a slow uplink, where "sent" and "stored"
 * are far apart.
 */
export async function startDelayingProxy(upstreamUrl: string, delayMs: number): Promise<DelayingProxy> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const upstreamBase = upstreamUrl.replace(/^http/, 'ws');
  wss.on('connection', (client, request) => {
    // The session cookie goes through, as a reverse proxy would pass it.
    const upstream = new WebSocket(upstreamBase + (request.url ?? '/'), {
      headers: request.headers.cookie ? { cookie: request.headers.cookie } : {},
    });
    const pending: RawData[] = [];
    upstream.on('open', () => {
      for (const data of pending.splice(0)) upstream.send(data);
    });
    client.on('message', (data) => {
      setTimeout(() => {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
        else if (upstream.readyState === WebSocket.CONNECTING) pending.push(data);
      }, delayMs);
    });
    upstream.on('message', (data) => {
      if (client.readyState === WebSocket.OPEN) client.send(data);
    });
    const closeBoth = (code: number) => {
      const safe = code >= 3000 && code < 5000 ? code : 1000;
      if (client.readyState === WebSocket.OPEN) client.close(safe);
      if (upstream.readyState === WebSocket.OPEN) upstream.close(1000);
    };
    upstream.on('close', (code) => closeBoth(code));
    client.on('close', () => closeBoth(1000));
    upstream.on('error', () => closeBoth(1011));
    client.on('error', () => closeBoth(1000));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
