import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import type { PublicUser } from '../../shared/accounts.ts';
import type { Role } from '../../shared/roles.ts';
import { listenForRefusals } from '../../client/src/collab/listenForRefusals.ts';
import { testConfig, type Config } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';
import { TEST_ADMIN_PASSWORD } from './spawnServer.ts';

export { TEST_ADMIN_PASSWORD } from './spawnServer.ts';

/** A signed-in test client's credentials: the session cookie, and the Origin it claims. */
export interface Auth {
  cookie: string;
  /**
   * Sent as `Origin`. By default the origin of the URL requested, as a browser on our own page
   * sends on every POST and WebSocket handshake; a string claims another page; null sends none.
   */
  origin?: string | null;
}

function originHeader(baseUrl: string, auth: Auth | null | undefined): string | null {
  if (auth?.origin === null) return null;
  return auth?.origin ?? new URL(baseUrl).origin;
}

/** A fresh temporary data folder; removed by the returned cleanup. */
export function tempDataDir(): { dataDir: string; remove(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'));
  return { dataDir, remove: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** The real server, in this process, on port 0, whose first start creates `admin` with TEST_ADMIN_PASSWORD. */
export function startTestServer(dataDir: string, overrides: Partial<Config> = {}): Promise<RunningServer> {
  return startServer(
    testConfig({ dataDir, unloadDelayMs: 50, summaryDebounceMs: 20, adminPassword: TEST_ADMIN_PASSWORD, ...overrides }),
  );
}

/** The value of one sample of the server's GET /metrics, e.g. `copydesk_sign_in_refusals_total{reason="throttled"}`. */
export async function metricValue(baseUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`no ${sample} in GET /metrics`);
  return Number(line.slice(sample.length + 1));
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Like waitFor, for a check that has to ask (a request, a database read). */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A headless editor: a Y.Doc synced through y-websocket's own WebsocketProvider. */
export interface TestClient {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  /** Resolves with the code of the first close the server sends. */
  closed: Promise<number>;
  /** The reasons of the server's "permission denied" messages: changes it dropped or undid (ChangesRefused ids); follow-ups left out. */
  refusals: string[];
  /** The reasons of the follow-ups: words the story did not keep, sent after they arrived (ChangesRefused ids). */
  followUps: string[];
  /** The words the server sent back, joined as a browser keeps them (runs as typed). */
  undoneWords: string[];
  destroy(): void;
}

/**
 * A `ws` WebSocket class that opens every connection with `auth`'s cookie and Origin, as a
 * browser on our page would; y-websocket constructs it as `new WebSocketPolyfill(url, protocols)`.
 */
export function authedWebSocket(auth: Auth | null): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class AuthedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const origin = originHeader(String(url).replace(/^ws/, 'http'), auth);
      super(url, protocols, { headers: auth ? { cookie: auth.cookie } : {}, ...(origin === null ? {} : { origin }) });
    }
  };
}

/**
 * Connects a headless client to story `articleId` as `auth` (null: signed out), stating our
 * schema version unless told otherwise.
 */
export function connectClient(
  baseUrl: string,
  articleId: string,
  options: { auth: Auth | null; schemaVersion?: string | null; user?: { name: string; color: string } },
): TestClient {
  const ydoc = new Y.Doc();
  const schemaVersion = options.schemaVersion === undefined ? SCHEMA_VERSION : options.schemaVersion;
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, articleId, ydoc, {
    WebSocketPolyfill: authedWebSocket(options.auth) as unknown as typeof globalThis.WebSocket,
    params: schemaVersion === null ? {} : { schemaVersion },
    disableBc: true,
  });
  if (options.user) provider.awareness.setLocalStateField('user', options.user);
  const refusals: string[] = [];
  const followUps: string[] = [];
  const undoneWords: string[] = [];
  listenForRefusals(provider, ({ reason, words, continues, followUp }) => {
    (followUp ? followUps : refusals).push(reason);
    const [first, ...rest] = words;
    if (first !== undefined && continues && undoneWords.length > 0) undoneWords[undoneWords.length - 1] += first;
    else if (first !== undefined) undoneWords.push(first);
    undoneWords.push(...rest);
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  const closed = new Promise<number>((resolve) => {
    provider.on('connection-close', (event: { code: number } | null) => {
      if (event) resolve(event.code);
    });
  });
  return {
    ydoc,
    provider,
    synced,
    closed,
    refusals,
    followUps,
    undoneWords,
    destroy: () => {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Appends a paragraph holding `text` to the story body. */
export function appendParagraph(ydoc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

/** Plain text of every paragraph in the body, in order. */
export function paragraphs(ydoc: Y.Doc): string[] {
  return ydoc
    .getXmlFragment(DOC_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((node) => node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join(''));
}

/** JSON helper for the REST API, signed in as `auth` when given. */
export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
  auth?: Auth | null,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth) headers.cookie = auth.cookie;
  const origin = originHeader(baseUrl, auth);
  if (origin !== null && headers.origin === undefined) headers.origin = origin;
  const response = await fetch(baseUrl + pathname, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (an HTML export): keep the text.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Creates a story through the API as `auth` and returns its id. */
export async function createStory(baseUrl: string, headline: string, auth: Auth): Promise<string> {
  const { status, body } = await api<{ id: string }>(baseUrl, 'POST', '/api/articles', { headline }, auth);
  if (status !== 201) throw new Error(`creating a story failed with ${status}: ${JSON.stringify(body)}`);
  return body.id;
}

/** The `name=value` of the session cookie in a response's Set-Cookie, or null. */
export function sessionCookieOf(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!;
    if (pair.startsWith('copydesk_session=') && pair !== 'copydesk_session=') return pair;
  }
  return null;
}

/** Signs in through POST /api/session; throws unless it succeeds. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Auth> {
  const response = await api(baseUrl, 'POST', '/api/session', { username, password });
  const cookie = sessionCookieOf(response.headers);
  if (response.status !== 200 || cookie === null) {
    throw new Error(`signing in as ${username} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return { cookie };
}

/** Signs in as the bootstrap admin (the server must have been started with TEST_ADMIN_PASSWORD). */
export function signInAdmin(baseUrl: string): Promise<Auth> {
  return signIn(baseUrl, 'admin', TEST_ADMIN_PASSWORD);
}

/** The password createUser gives every account: one the password policy accepts (no username in it). */
export const TEST_USER_PASSWORD = 'ferry lantern sings at dusk 7';

/** A test account: who it is, its password and a signed-in session. */
export interface TestUser {
  user: PublicUser;
  password: string;
  auth: Auth;
}

/** Creates an account through POST /api/users as `admin` and signs it in. */
export async function createUser(
  baseUrl: string,
  admin: Auth,
  username: string,
  role: Role,
  displayName = `${username[0]!.toUpperCase()}${username.slice(1)} (${role})`,
): Promise<TestUser> {
  const password = TEST_USER_PASSWORD;
  const created = await api<PublicUser>(baseUrl, 'POST', '/api/users', { username, password, displayName, role }, admin);
  if (created.status !== 201) throw new Error(`creating ${username} failed with ${created.status}: ${JSON.stringify(created.body)}`);
  return { user: created.body, password, auth: await signIn(baseUrl, username, password) };
}

/** Whether `promise` settles within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}

/** What `promise` resolves with, or 'pending' when it has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
