import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index.ts';
import { signInAdmin, startTestServer, tempDataDir } from './helpers.ts';

describe('serving the built client', () => {
  const dir = tempDataDir();
  const clientDir = path.join(dir.dataDir, 'dist');
  let server: RunningServer;
  beforeAll(async () => {
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    server = await startTestServer(path.join(dir.dataDir, 'data'), { clientDir });
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  it('answers any page path with index.html, uncached', async () => {
    const response = await fetch(`${server.url}/stories/abc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Copydesk</title>');
  });

  it('caches hashed assets for long and 404s missing ones', async () => {
    const asset = await fetch(`${server.url}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('keeps /api answers as JSON', async () => {
    const response = await fetch(`${server.url}/api/unknown`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { id: 'unauthenticated' } });
    const admin = await signInAdmin(server.url);
    const known = await fetch(`${server.url}/api/unknown`, { headers: { cookie: admin.cookie } });
    expect(known.status).toBe(404);
    expect(await known.json()).toMatchObject({ error: { id: 'not_found' } });
  });
});
