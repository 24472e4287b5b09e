import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorId } from '../../shared/api.ts';
import { errorMiddleware } from '../http/errorMiddleware.ts';
import { createLogger } from '../log.ts';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { authOf, originGuard, requireRole, requireSession, sessionMiddleware } from './authMiddleware.ts';
import { SESSION_COOKIE } from './cookies.ts';

let close: () => void;
let server: http.Server;
let base: string;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  const t = openTestDatabase();
  const users = new SqliteUserStore(t.db);
  const sessions = new SqliteSessionStore(t.db);
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    const user = await users.create({ username: role, displayName: role, role, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00Z' });
    cookies[role] = `${SESSION_COOKIE}=${(await sessions.create(user.id, new Date(), 3_600_000)).token}`;
  }

  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(originGuard({ allowedOrigins: [] }));
  api.use(sessionMiddleware({ users, sessions, sessionTtlMs: 3_600_000 }));
  api.get('/health', (_req, res) => void res.json({ ok: true }));
  api.use(requireSession);
  api.get('/me', (_req, res) => void res.json({ username: authOf(res).user.username }));
  api.post('/articles', (_req, res) => void res.status(201).json({ created: true }));
  api.get('/users', requireRole('admin'), (_req, res) => void res.json({ users: [] }));
  app.use('/api', api);
  app.use(errorMiddleware(createLogger('silent')));

  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
  close = () => {
    server.closeAllConnections();
    server.close();
    t.close();
  };
});
afterEach(() => close());

function request(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : '{}');
  });
}

describe('auth middleware over real HTTP', () => {
  it('lets health through without a session and answers 401 JSON elsewhere', async () => {
    expect((await request('GET', '/api/health')).status).toBe(200);
    const me = await request('GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.id).toBe(ErrorId.Unauthenticated);
    expect((await request('GET', '/api/me', { cookie: `${SESSION_COOKIE}=${'x'.repeat(43)}` })).status).toBe(401);
  });

  it('knows the signed-in user from the cookie', async () => {
    const me = await request('GET', '/api/me', { cookie: cookies.editor! });
    expect(me).toEqual({ status: 200, body: { username: 'editor' } });
  });

  it('refuses a cross-origin POST with 403 even with a valid session, and accepts a same-origin one', async () => {
    const cross = await request('POST', '/api/articles', { cookie: cookies.editor!, origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.body.error.id).toBe(ErrorId.CrossOrigin);
    const same = await request('POST', '/api/articles', { cookie: cookies.editor!, origin: base });
    expect(same.status).toBe(201);
  });

  it('refuses a role without the right with 403', async () => {
    const viewer = await request('GET', '/api/users', { cookie: cookies.viewer! });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.id).toBe(ErrorId.Forbidden);
    expect((await request('GET', '/api/users', { cookie: cookies.admin! })).status).toBe(200);
  });
});
