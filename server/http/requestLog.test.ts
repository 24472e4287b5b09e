import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { requestLog } from './requestLog.ts';

const servers: http.Server[] = [];

/** An app logging its requests through a createLogger(`level`) logger whose lines are kept. */
async function serve(level: 'debug' | 'info'): Promise<{ url: string; raw: string[] }> {
  const raw: string[] = [];
  const log = createLogger(level, { destination: { write: (line: string) => void raw.push(line) } });
  const app = express();
  app.use('/api', requestLog(log), (_req, res) => {
    res.setHeader('Set-Cookie', 'session=response-secret; HttpOnly');
    res.json({ ok: true });
  });
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, raw };
}

const SECRETS = {
  cookie: 'session=cookie-secret',
  authorization: 'Bearer authorization-secret',
  'x-csrf-token': 'csrf-secret',
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('requestLog', () => {
  it('logs each /api request at debug with its method, URL and status, and never a credential', async () => {
    const { url, raw } = await serve('debug');
    const response = await fetch(`${url}/api/articles?q=1`, { headers: { ...SECRETS, 'x-request-note': 'visible' } });
    expect(response.status).toBe(200);
    await expect.poll(() => raw.length).toBe(1);
    const line = JSON.parse(raw[0]!) as {
      level: string;
      req: { method: string; url: string; headers: Record<string, string> };
      res: { statusCode: number; headers: Record<string, string> };
      responseTime: number;
    };
    expect(line.level).toBe('debug');
    expect(line.req).toMatchObject({ method: 'GET', url: '/api/articles?q=1' });
    expect(line.res.statusCode).toBe(200);
    expect(line.req.headers['x-request-note']).toBe('visible');
    expect(line.req.headers.cookie).toBe('[redacted]');
    expect(line.req.headers.authorization).toBe('[redacted]');
    expect(line.req.headers['x-csrf-token']).toBe('[redacted]');
    expect(line.res.headers['set-cookie']).toBe('[redacted]');
    for (const secret of ['cookie-secret', 'authorization-secret', 'csrf-secret', 'response-secret']) expect(raw[0]).not.toContain(secret);
  });

  it('logs nothing above debug', async () => {
    const { url, raw } = await serve('info');
    expect((await fetch(`${url}/api/articles`, { headers: SECRETS })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(raw).toEqual([]);
  });
});
