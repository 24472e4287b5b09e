import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFF_STYLE } from '../../shared/export/diffStyle.ts';
import { SITE_STYLE } from '../../shared/export/siteStyle.ts';
import type { Config } from '../config.ts';
import { styleHash } from '../http/securityHeaders.ts';
import type { RunningServer } from '../index.ts';
import { api, createStory, signInAdmin, startTestServer, tempDataDir, type Auth } from './helpers.ts';
import { approve, storyWith, writeStory } from './publishingHelpers.ts';

/** A GET on the raw socket: every header line as sent (fetch would join repeated ones). */
function rawGet(baseUrl: string, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; lines: string[][]; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: pathname, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const lines: string[][] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) lines.push([response.rawHeaders[i]!.toLowerCase(), response.rawHeaders[i + 1]!]);
        resolve({ status: response.statusCode!, lines, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** The one value of `name`; fails when the header is missing or sent twice. */
function only(lines: string[][], name: string): string {
  const values = lines.filter(([key]) => key === name).map(([, value]) => value!);
  expect(values, name).toHaveLength(1);
  return values[0]!;
}

/** A CSP header as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The headers every response carries, whatever route answered it. */
function expectCommonHeaders(lines: string[][]): void {
  expect(only(lines, 'x-content-type-options')).toBe('nosniff');
  expect(only(lines, 'x-frame-options')).toBe('DENY');
  expect(only(lines, 'referrer-policy')).toBe('same-origin');
  expect(only(lines, 'cross-origin-opener-policy')).toBe('same-origin');
  expect(lines.some(([key]) => key === 'x-powered-by')).toBe(false);
}

/** The editor app's policy, exactly: nothing inline or evaluated may run, nothing may frame it. */
function expectAppPolicy(lines: string[][], host: string): Map<string, string[]> {
  const policy = directives(only(lines, 'content-security-policy'));
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'https:']));
  expect(policy.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  for (const sources of policy.values()) {
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain('*');
  }
  // Style elements: our files and the frames' two known sheets only; style attributes: allowed.
  expect(policy.get('style-src')).toEqual(["'self'", styleHash(SITE_STYLE), styleHash(DIFF_STYLE)]);
  expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  expect(policy.has('style-src-elem')).toBe(false);
  return policy;
}

describe('security headers of the editor app, the API and the public site', () => {
  const dir = tempDataDir();
  const clientDir = path.join(dir.dataDir, 'dist');
  let server: RunningServer;
  let admin: Auth;
  let host: string;
  let storyId: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Copydesk</title><script type="module" src="/assets/main-abc123.js"></script>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    server = await startTestServer(path.join(dir.dataDir, 'data'), { clientDir });
    host = new URL(server.url).host;
    admin = await signInAdmin(server.url);
    storyId = await createStory(server.url, 'Ferry strike halts island crossings', admin);
    await writeStory(server.url, storyId, admin, storyWith());
    await approve(server.url, storyId, admin);
    const published = await api(server.url, 'POST', `/api/articles/${storyId}/publish`, {}, admin);
    expect(published.status).toBe(201);
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  it('sends the app policy and the common headers on /, on any page path and on static assets', async () => {
    for (const pathname of ['/', '/stories/abc', '/assets/main-abc123.js']) {
      const response = await rawGet(server.url, pathname);
      expect(response.status, pathname).toBe(200);
      expectCommonHeaders(response.lines);
      expectAppPolicy(response.lines, host);
    }
  });

  it('sends them on /api answers too: a success, a 401, a 404 and a client error', async () => {
    for (const [pathname, status, cookie] of [
      ['/api/health', 200, null],
      ['/api/articles', 401, null],
      ['/api/articles', 200, admin.cookie],
      ['/api/nothing-here', 404, admin.cookie],
      ['/api/articles/%E0%A4%A/export', 400, admin.cookie],
    ] as const) {
      const response = await rawGet(server.url, pathname, cookie ? { cookie } : {});
      expect(response.status, pathname).toBe(status);
      expectCommonHeaders(response.lines);
      expectAppPolicy(response.lines, host);
    }
  });

  it('never sends HSTS over plain HTTP', async () => {
    const response = await rawGet(server.url, '/');
    expect(response.lines.some(([key]) => key === 'strict-transport-security')).toBe(false);
    expect(directives(only(response.lines, 'content-security-policy')).has('upgrade-insecure-requests')).toBe(false);
  });

  it('keeps the public site’s own policy (one header, not the app’s) with the common headers, on pages, notices and the feed', async () => {
    const page = (await rawGet(server.url, '/site/')).body.match(/href="[^"]*(\/site\/[^"/]+\/[^"/]+)"/)?.[1];
    expect(page).toBeDefined();
    for (const [pathname, status] of [
      [page!, 200],
      ['/site/', 200],
      ['/site/feed.xml', 200],
      ['/site/news/no-such-story', 404],
      ['/site/%ff/%fe', 400],
    ] as const) {
      const response = await rawGet(server.url, pathname);
      expect(response.status, pathname).toBe(status);
      expectCommonHeaders(response.lines);
      const policy = directives(only(response.lines, 'content-security-policy'));
      expect(policy.get('default-src'), pathname).toEqual(["'none'"]);
      expect(policy.has('script-src'), pathname).toBe(false);
    }
  });

  it('keeps the HTML export’s own policy: it runs nothing, even from the API’s origin', async () => {
    const response = await rawGet(server.url, `/api/articles/${storyId}/export?format=html`, { cookie: admin.cookie });
    expect(response.status).toBe(200);
    expectCommonHeaders(response.lines);
    const policy = directives(only(response.lines, 'content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false);
  });

  it('puts only a plain host of the request into the policy', async () => {
    for (const hostile of ["evil.example;script-src 'unsafe-inline'", 'evil.example, *', 'evil example', 'evil.example/path']) {
      const response = await rawGet(server.url, '/', { host: hostile });
      expect(response.status, hostile).toBe(200);
      const policy = directives(only(response.lines, 'content-security-policy'));
      expect(policy.get('connect-src'), hostile).toEqual(["'self'"]);
      expect(policy.get('script-src'), hostile).toEqual(["'self'"]);
    }
    const named = await rawGet(server.url, '/', { host: 'desk.example:8443' });
    expect(directives(only(named.lines, 'content-security-policy')).get('connect-src')).toEqual(["'self'", 'ws://desk.example:8443', 'wss://desk.example:8443']);
  });
});

describe('security headers behind HTTPS, with other allowed origins', () => {
  const dir = tempDataDir();
  let server: RunningServer;
  const overrides: Partial<Config> = { secureCookies: true, allowedOrigins: ['http://localhost:5173', 'https://desk.example'] };

  beforeAll(async () => {
    server = await startTestServer(dir.dataDir, overrides);
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  it('sends HSTS for a year, upgrades insecure requests and lets the allowed origins’ sockets connect', async () => {
    for (const pathname of ['/api/health', '/site/']) {
      const response = await rawGet(server.url, pathname);
      expect(only(response.lines, 'strict-transport-security'), pathname).toBe('max-age=31536000; includeSubDomains');
    }
    const response = await rawGet(server.url, '/api/health');
    const policy = directives(only(response.lines, 'content-security-policy'));
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
    const host = new URL(server.url).host;
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      `ws://${host}`,
      `wss://${host}`,
      'http://localhost:5173',
      'ws://localhost:5173',
      'https://desk.example',
      'wss://desk.example',
    ]);
  });
});
