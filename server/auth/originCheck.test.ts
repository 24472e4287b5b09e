import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { checkOrigin, checkRequestOrigin } from './originCheck.ts';

const policy = { allowedOrigins: ['http://localhost:5173'] };

describe('checkOrigin', () => {
  it('accepts an Origin whose host and port equal Host', () => {
    expect(checkOrigin({ host: 'desk.example.com:3000', origin: 'http://desk.example.com:3000' }, policy).ok).toBe(true);
    expect(checkOrigin({ host: 'DESK.example.com', origin: 'https://desk.example.com' }, policy).ok).toBe(true);
  });

  it('treats a default port in Host as no port', () => {
    expect(checkOrigin({ host: 'desk.example.com:443', origin: 'https://desk.example.com' }, policy).ok).toBe(true);
  });

  it('refuses another host, another port, a look-alike and Origin: null', () => {
    const host = 'desk.example.com:3000';
    expect(checkOrigin({ host, origin: 'http://evil.example.com:3000' }, policy).ok).toBe(false);
    expect(checkOrigin({ host, origin: 'http://desk.example.com:3001' }, policy).ok).toBe(false);
    expect(checkOrigin({ host, origin: 'http://desk.example.com:3000.evil.com' }, policy).ok).toBe(false);
    expect(checkOrigin({ host, origin: 'null' }, policy).ok).toBe(false);
    expect(checkOrigin({ origin: 'http://desk.example.com:3000' }, policy).ok).toBe(false);
  });

  it('accepts an allow-listed origin whatever the Host', () => {
    expect(checkOrigin({ host: '127.0.0.1:3000', origin: 'http://localhost:5173' }, policy).ok).toBe(true);
    expect(checkOrigin({ host: '127.0.0.1:3000', origin: 'http://localhost:5174' }, policy).ok).toBe(false);
  });

  it('accepts a request without Origin unless the browser says it is cross-site', () => {
    expect(checkOrigin({ host: 'a' }, policy).ok).toBe(true);
    expect(checkOrigin({ host: 'a', 'sec-fetch-site': 'same-origin' }, policy).ok).toBe(true);
    expect(checkOrigin({ host: 'a', 'sec-fetch-site': 'cross-site' }, policy).ok).toBe(false);
  });
});

describe('checkRequestOrigin', () => {
  it('checks only state-changing methods', () => {
    const foreign = { host: 'desk:3000', origin: 'http://evil:3000' };
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(checkRequestOrigin(method, foreign, policy).ok).toBe(true);
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(checkRequestOrigin(method, foreign, policy).ok).toBe(false);
  });
});

describe('origin check on a real server', () => {
  it('refuses a cross-origin POST and WebSocket upgrade, and accepts same-origin ones', async () => {
    const server = http.createServer((req, res) => {
      const verdict = checkRequestOrigin(req.method ?? 'GET', req.headers, { allowedOrigins: [] });
      res.statusCode = verdict.ok ? 200 : 403;
      res.end();
    });
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      if (!checkOrigin(req.headers, { allowedOrigins: [] }).ok) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => ws.close(1000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

    const post = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`http://${host}/api/x`, { method: 'POST', headers: { origin } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
    const upgrade = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${host}/collab/x`, { origin });
        ws.on('open', () => resolve('open'));
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', () => resolve('error'));
      });

    try {
      expect(await post(`http://${host}`)).toBe(200);
      expect(await post('http://evil.example')).toBe(403);
      expect(await upgrade(`http://${host}`)).toBe('open');
      expect(await upgrade('http://evil.example')).toBe('403');
    } finally {
      wss.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
