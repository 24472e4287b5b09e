import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import { testConfig, type Config } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';

/** A fresh temporary data folder; removed by the returned cleanup. */
export function tempDataDir(): { dataDir: string; remove(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'));
  return { dataDir, remove: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** The real server, in this process, on port 0. */
export function startTestServer(dataDir: string, overrides: Partial<Config> = {}): Promise<RunningServer> {
  return startServer(testConfig({ dataDir, unloadDelayMs: 50, summaryDebounceMs: 20, ...overrides }));
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
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
  destroy(): void;
}

/** Connects a headless client to story `articleId`, stating our schema version unless told otherwise. */
export function connectClient(
  baseUrl: string,
  articleId: string,
  options: { schemaVersion?: string | null; user?: { name: string; color: string } } = {},
): TestClient {
  const ydoc = new Y.Doc();
  const schemaVersion = options.schemaVersion === undefined ? SCHEMA_VERSION : options.schemaVersion;
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, articleId, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: schemaVersion === null ? {} : { schemaVersion },
    disableBc: true,
  });
  if (options.user) provider.awareness.setLocalStateField('user', options.user);
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

/** JSON helper for the REST API. */
export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(baseUrl + pathname, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
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

/** Creates a story through the API and returns its id. */
export async function createStory(baseUrl: string, headline: string): Promise<string> {
  const { status, body } = await api<{ id: string }>(baseUrl, 'POST', '/api/articles', { headline });
  if (status !== 201) throw new Error(`creating a story failed with ${status}: ${JSON.stringify(body)}`);
  return body.id;
}
