import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import type { RunningServer } from '../index.ts';
import { signInAdmin, startTestServer, tempDataDir, type Auth } from './helpers.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';

interface RawResponse {
  status: number;
  type: string;
  body: string;
}

/** One request on a raw socket: any path, header and body, exactly as given (fetch would normalise them). */
function send(baseUrl: string, method: string, pathname: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path: pathname, headers, insecureHTTPParser: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** The `{ error: { id } }` of a JSON error answer; fails when the answer is not one. */
function errorId(response: RawResponse): string {
  expect(response.type, response.body).toMatch(/^application\/json/);
  const id = (JSON.parse(response.body) as { error?: { id?: unknown } }).error?.id;
  expect(typeof id, response.body).toBe('string');
  return id as string;
}

/** A WebSocket handshake on the raw socket: resolves with the HTTP status the server answers (101 when it upgrades). */
function handshake(baseUrl: string, pathname: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: pathname,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    request.end();
  });
}

// Paths of every kind of route, `:x` filled in by the fuzzer. DELETE /api/session is left out: it
// would sign the fuzzer's admin out, and every later request would stop at the session check.
const ROUTES: Array<[string, string]> = [
  ['GET', '/api/articles/:x'],
  ['GET', '/api/articles/:x/export'],
  ['GET', '/api/articles/:x/activity'],
  ['GET', '/api/articles/:x/versions/:x'],
  ['GET', '/api/articles/:x/versions/:x/compare'],
  ['GET', '/api/articles/:x/publications/:x'],
  ['POST', '/api/articles'],
  ['POST', '/api/articles/import'],
  ['POST', '/api/articles/:x/transitions'],
  ['POST', '/api/articles/:x/comments'],
  ['POST', '/api/articles/:x/comments/:x/replies'],
  ['PATCH', '/api/articles/:x/comments/:x/replies/:x'],
  ['PUT', '/api/articles/:x/assignees'],
  ['PUT', '/api/articles/:x/reviewer'],
  ['PUT', '/api/articles/:x/schedule'],
  ['POST', '/api/articles/:x/publish'],
  ['PATCH', '/api/users/:x'],
  ['POST', '/api/users'],
  ['POST', '/api/session'],
  ['GET', '/api/:x'],
  ['GET', '/site/:x'],
  ['GET', '/site/:x/:x'],
  ['GET', '/site/:x/:x.json'],
  ['GET', '/:x'],
  ['GET', '/collab/:x'],
];

/** Path segments a hostile client sends: broken and overlong percent-encodings, NUL, dots, controls, bidi overrides, very long ones. */
const hostileSegment = fc.oneof(
  fc.constantFrom('%', '%%', '%E0%A4%A', '%ff', '%fe%ff', '%C0%80', '%00', 'a%00b', '%2e%2e', '..', '.', '%2F', '%5C', '%u202e', '%E2%80%AE', '%ED%A0%80', 'import', 'admin', 'x'.repeat(5000)),
  fc.string({ unit: fc.nat(0xffff).map((unit) => String.fromCharCode(unit)), maxLength: 12 }).map((text) => {
    try {
      return encodeURIComponent(text);
    } catch {
      // A lone surrogate cannot be encoded as UTF-8: send its UTF-16 code unit as a broken escape.
      return [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`).join('');
    }
  }),
  fc.array(fc.constantFrom('%', 'a', '0', 'f', 'F', 'g', '/', '?', '#', '&', '=', '+', ';', '%0', '%00', '%ff', '.', '~'), { maxLength: 12 }).map((parts) => parts.join('')),
);

const hostileQuery = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?format=%ff', '?format=html%00', '?status=%E0%A4%A', '?mine=1&mine=0', '?x[y]=1', '?%=%', '?format=' + 'h'.repeat(3000), '?&&&=&'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
);

/** Bodies: JSON of any shape (NUL, bidi and lone surrogates inside), truncated JSON, deep nesting, bytes that are not UTF-8. */
const hostileBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.record({ headline: fc.string({ unit: 'binary', maxLength: 20 }), username: fc.string({ maxLength: 8 }), password: fc.string(), usernames: fc.array(fc.string({ maxLength: 4 })), to: fc.string(), format: fc.constantFrom('text', 'html', 'x'), content: fc.string() }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '',
    '{',
    '{"headline":"\\u0000"}',
    '{"headline":"\\ud800"}',
    '{"headline":"a\\u202eb"}',
    '{"usernames":["\\u0000"]}',
    '{"username":"\\u0000","password":"x"}',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    'null',
    '[]',
    '"text"',
    '1e999999',
    '['.repeat(20_000),
    '['.repeat(5_000) + ']'.repeat(5_000),
    '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  ),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

function fill(template: string, segments: string[]): string {
  let index = 0;
  return template.replace(/:x/g, () => segments[index++ % segments.length]!);
}

/** The same checks on a server of each storage engine: on PostgreSQL a NUL in a look-up used to fail the request. */
function clientErrorSuite(engine: string, setUp: () => Promise<{ overrides: Partial<Config>; done: () => Promise<void> }>): void {
  describe(`client errors are 4xx, never 5xx (${engine})`, () => {
    const dir = tempDataDir();
    let server: RunningServer;
    let admin: Auth;
    let done: (() => Promise<void>) | undefined;
    const signedIn = (): Record<string, string> => ({ cookie: admin.cookie, origin: server.url });
    const json = (): Record<string, string> => ({ ...signedIn(), 'content-type': 'application/json' });

    beforeAll(async () => {
      const engineSetUp = await setUp();
      done = engineSetUp.done;
      server = await startTestServer(dir.dataDir, engineSetUp.overrides);
      admin = await signInAdmin(server.url);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await done?.();
      dir.remove();
    });

    it('answers a malformed percent-encoding on /api with 400 malformed_url', async () => {
      for (const [method, pathname] of [
        ['GET', '/api/articles/%E0%A4%A/export'],
        ['GET', '/api/articles/%E0%A4%A'],
        ['GET', '/api/articles/%ff/versions/1'],
        ['GET', '/api/articles/abc/versions/%'],
        ['POST', '/api/articles/%C0%80/transitions'],
        ['PATCH', '/api/users/%ED%A0%80'],
      ] as const) {
        const response = await send(server.url, method, pathname, json(), method === 'GET' ? undefined : '{}');
        expect(response.status, `${method} ${pathname}`).toBe(400);
        expect(errorId(response)).toBe('malformed_url');
      }
    });

    it('answers a malformed percent-encoding or NUL under /site with an HTML 400 page', async () => {
      for (const pathname of ['/site/%ff/%fe', '/site/news/%E0%A4%A', '/site/%E0%A4%A/story.json', '/site/news/%00', '/site/%00']) {
        const response = await send(server.url, 'GET', pathname);
        expect(response.status, pathname).toBe(400);
        expect(response.type, pathname).toBe('text/html; charset=utf-8');
        expect(response.body).toContain('<h1>Bad request</h1>');
        expect(response.body).toMatch(/<a href="[^"]*\/site\/">Go to the front page<\/a>/);
      }
    });

    it('refuses NUL in an /api address before any look-up', async () => {
      for (const [method, pathname] of [
        ['GET', '/api/articles/%00'],
        ['GET', '/api/articles/a%00b/export'],
        ['PATCH', '/api/users/admin%00'],
        ['GET', '/api/articles?status=%00'],
      ] as const) {
        const response = await send(server.url, method, pathname, json(), method === 'GET' ? undefined : '{"disabled":true}');
        expect(response.status, pathname).toBe(400);
        expect(errorId(response)).toBe('malformed_url');
      }
    });

    it('refuses NUL anywhere in a JSON body, naming where', async () => {
      const story = JSON.parse((await send(server.url, 'POST', '/api/articles', json(), '{"headline":"Quiet night"}')).body) as { id: string };
      for (const [method, pathname, body, where] of [
        ['POST', '/api/session', { username: 'admin\u0000', password: 'x' }, 'body.username'],
        ['PUT', `/api/articles/${story.id}/assignees`, { usernames: ['ok', '\u0000'] }, 'body.usernames.1'],
        ['PUT', `/api/articles/${story.id}/reviewer`, { username: 'a\u0000' }, 'body.username'],
        ['POST', '/api/articles', { headline: 'Night\u0000shift' }, 'body.headline'],
        ['POST', '/api/articles', { ['head\u0000line']: 'x' }, 'body'],
      ] as const) {
        const response = await send(server.url, method, pathname, json(), JSON.stringify(body));
        expect(response.status, pathname).toBe(400);
        expect(errorId(response)).toBe('validation_failed');
        expect(JSON.parse(response.body).error.message).toBe(`${where}: contains U+0000 (NUL): control characters are not allowed`);
      }
    });

    it('answers bad JSON with 400 bad_json, a body over the limit with 413, an unknown charset or encoding with 415', async () => {
      for (const body of ['{bad', '{"headline":', '["unclosed"', '{"a":1}}', '\u00ff', '['.repeat(50_000)]) {
        const response = await send(server.url, 'POST', '/api/articles', json(), body);
        expect(response.status, body.slice(0, 20)).toBe(400);
        expect(errorId(response)).toBe('bad_json');
      }
      const large = await send(server.url, 'POST', '/api/articles', json(), JSON.stringify({ headline: 'x'.repeat(2 * 1024 * 1024) }));
      expect(large.status).toBe(413);
      expect(errorId(large)).toBe('payload_too_large');
      const charset = await send(server.url, 'POST', '/api/articles', { ...json(), 'content-type': 'application/json; charset=latin1' }, '{}');
      expect(charset.status).toBe(415);
      errorId(charset);
      const encoding = await send(server.url, 'POST', '/api/articles', { ...json(), 'content-encoding': 'bogus' }, '{}');
      expect(encoding.status).toBe(415);
      errorId(encoding);
      const gzipped = await send(server.url, 'POST', '/api/articles', { ...json(), 'content-encoding': 'gzip' }, 'not gzip at all');
      expect(gzipped.status).toBe(400);
      errorId(gzipped);
    });

    it('answers a body of another type than JSON with 400 validation_failed', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const response = await send(server.url, 'POST', '/api/articles', { ...signedIn(), 'content-type': type }, 'headline=Hello');
        expect(response.status, type).toBe(400);
        expect(errorId(response)).toBe('validation_failed');
      }
    });

    it('refuses headers that are too large with 431, and a story socket at a malformed or NUL address with 400', async () => {
      const oversized = await send(server.url, 'GET', '/api/health', { 'x-padding': 'x'.repeat(64 * 1024) });
      expect(oversized.status).toBe(431);
      const cookie = await send(server.url, 'GET', '/api/articles', { cookie: `copydesk_session=${'%00'.repeat(10)}; other=%ff` });
      expect(cookie.status).toBe(401);
      for (const pathname of ['/collab/%E0%A4%A', '/collab/%00', '/collab/a%00b']) {
        expect(await handshake(server.url, pathname, { cookie: admin.cookie, origin: server.url }), pathname).toBe(400);
      }
    });

    it('never answers 5xx to hostile paths, queries, content types and bodies (fuzzed)', async () => {
      // A real story and user among the segments, so requests also get past the look-ups to the body checks.
      const story = JSON.parse((await send(server.url, 'POST', '/api/articles', json(), '{"headline":"Fuzzed"}')).body) as { id: string };
      const segment = fc.oneof({ arbitrary: hostileSegment, weight: 3 }, { arbitrary: fc.constantFrom(story.id, 'admin', '1'), weight: 1 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ROUTES), fc.array(segment, { minLength: 1, maxLength: 3 }), hostileQuery, contentType, hostileBody, async ([method, template], segments, query, type, body) => {
          const pathname = fill(template, segments) + query;
          const headers: Record<string, string> = { ...signedIn(), ...(type ? { 'content-type': type } : {}) };
          const response =
            template.startsWith('/collab/')
              ? { status: await handshake(server.url, pathname, signedIn()), type: '', body: '' }
              : await send(server.url, method, pathname, headers, method === 'GET' ? undefined : body);
          expect(response.status, `${method} ${pathname.slice(0, 200)}`).toBeLessThan(500);
          // 431: Node's parser refuses a request line and headers over 16 kB before the app sees them, without a body.
          const byApp = response.status >= 400 && response.status !== 431;
          if (pathname.startsWith('/api/') && byApp) errorId(response);
          if (pathname.startsWith('/site/') && byApp) expect(response.type).toMatch(/^text\/html/);
        }),
        { numRuns: 1000 },
      );
    }, 120_000);
  });
}

clientErrorSuite('SQLite', async () => ({ overrides: {}, done: async () => undefined }));

let database: TestDatabase | undefined;
clientErrorSuite('PostgreSQL', async () => {
  database = await startTestDatabase();
  return { overrides: { databaseUrl: database.url }, done: () => database!.close() };
});
