import * as encoding from 'lib0/encoding';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { createLogger } from '../log.ts';
import type { DocStore, PendingUpdate } from '../storage/DocStore.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { readStoredState } from '../test/readStoredState.ts';
import { CollabDocument, type CollabDocumentDeps } from './CollabDocument.ts';
import { CommitQueue } from './CommitQueue.ts';
import { Connection } from './Connection.ts';
import { DocumentRegistry } from './DocumentRegistry.ts';

/** A real SQLite store whose disk "fills up" while `failing` is set. */
class FlakyDocStore implements DocStore {
  failing = false;
  attempts = 0;
  loads = 0;
  compactions = 0;
  constructor(readonly inner: SqliteDocStore) {}
  load(id: string) {
    this.loads += 1;
    return this.inner.load(id);
  }
  async appendAll(updates: readonly PendingUpdate[]) {
    this.attempts += 1;
    if (this.failing) throw new Error('SQLITE_FULL: database or disk is full');
    await this.inner.appendAll(updates);
  }
  compact(id: string) {
    this.compactions += 1;
    return this.inner.compact(id);
  }
  release(id: string) {
    this.inner.release(id);
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment('default').toString();
}

/**
 * A WebSocket server on a free loopback port whose every socket is an editor's Connection on `doc`;
 * `open` dials it and collects the sync step 2 replies (0, 1) and the close code.
 */
async function serveSockets(doc: CollabDocument, log = createLogger('silent')) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws) => {
    const user = { id: 1, username: 'u', displayName: 'U', role: 'editor' as const, color: '#000000' };
    new Connection(ws, { articleId: 's', user, access: 'write', log, maxMessageBytes: 1 << 20, onClose: () => {} }).attach(doc);
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  const open = async () => {
    const ws = new WebSocket(url);
    const replies: Buffer[] = [];
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) replies.push(data);
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    return { ws, replies, closed };
  };
  return { wss, open };
}

describe('CollabDocument storage failures', () => {
  let dir: string;
  let db: ReturnType<typeof openDatabase>;
  let store: FlakyDocStore;
  let articleStore: SqliteArticleStore;
  const log = createLogger('silent');
  const config = { compactAfterUpdates: 1000, summaryDebounceMs: 5, unloadDelayMs: 5 };

  let commits: CommitQueue;
  const deps = (overrides: Partial<CollabDocumentDeps> = {}) => ({ docStore: store, commits, articleStore, log, ...overrides, config: { ...config, ...overrides.config } });
  const stored = () => textOf(readStoredState(db, 's'));
  const addParagraph = (doc: CollabDocument) =>
    doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(3, [new Y.XmlElement('paragraph')]), { kind: 'server', reason: 'test' });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-doc-'));
    db = openDatabase(dir);
    articleStore = new SqliteArticleStore(db);
    store = new FlakyDocStore(new SqliteDocStore(db));
    commits = new CommitQueue(store, log);
    const now = new Date().toISOString();
    await articleStore.create(
      { id: 's', headline: 'H', status: 'draft', byline: '', slug: 'h', section: '', tags: [], wordCount: 1, createdAt: now, updatedAt: now },
      initialArticleState('H'),
    );
  });
  afterEach(() => {
    commits.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a failed commit in memory, stays dirty, retries on its own and stores it once the store heals', async () => {
    const doc = new CollabDocument('s', deps());
    await doc.load();
    store.failing = true;
    addParagraph(doc);
    expect(doc.dirty).toBe(true);
    expect(doc.ydoc.getXmlFragment('default').length).toBe(4);
    let storedSignal = false;
    void doc.whenStored().then(() => (storedSignal = true));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(store.attempts).toBeGreaterThan(1); // retried on its own
    expect(stored()).not.toBe(doc.ydoc.getXmlFragment('default').toString());
    expect(storedSignal).toBe(false);

    store.failing = false;
    await until('the retry to store the update', () => !doc.dirty);
    expect(stored()).toBe(doc.ydoc.getXmlFragment('default').toString());
    await until('whenStored to resolve', () => storedSignal);
    doc.destroy();
  });

  it('is not unloaded while an update is unstored', async () => {
    const registry = new DocumentRegistry(deps());
    const doc = await registry.open('s');
    store.failing = true;
    addParagraph(doc);
    registry.release('s');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registry.loaded('s')).toBe(doc);
    store.failing = false;
    await until('the story to unload once stored', () => registry.loaded('s') === null);
    expect(stored()).toContain('<paragraph></paragraph><paragraph></paragraph>');
  });

  it('commits the updates of one event-loop turn together, and compacts once the log (stored rows included) reaches the limit', async () => {
    const small = { ...config, compactAfterUpdates: 10 };
    const first = new CollabDocument('s', deps({ config: small }));
    await first.load();
    for (let i = 0; i < 6; i++) addParagraph(first);
    await until('the six updates to be stored', () => !first.dirty);
    expect(store.attempts).toBe(1); // one transaction for the turn
    expect(store.compactions).toBe(0);
    first.destroy();
    expect((await store.inner.load('s')).logLength).toBe(6);

    const second = new CollabDocument('s', deps({ config: small }));
    store.loads = 0;
    await second.load();
    for (let i = 0; i < 3; i++) addParagraph(second);
    await until('stored', () => !second.dirty);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(0); // 9 rows: not yet
    addParagraph(second);
    await until('the compaction', () => store.compactions === 1); // the 6 stored rows counted with the 4 new ones
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await store.inner.load('s')).logLength).toBe(0);
    expect(store.loads).toBe(1);
    expect(stored()).toBe(second.ydoc.getXmlFragment('default').toString());
    second.destroy();
  });

  it("answers a socket's sync step 1 only once everything is stored; a closed socket's replies are dropped", async () => {
    const doc = new CollabDocument('s', deps());
    await doc.load();
    const { wss, open } = await serveSockets(doc);
    const leaving = await open();
    const staying = await open();
    await until('both sockets to be bound', () => doc.connections.size === 2);
    store.failing = true;
    addParagraph(doc);
    const syncStep1 = Uint8Array.of(0, 0, 1, 0);
    for (let i = 0; i < 3; i++) leaving.ws.send(syncStep1);
    staying.ws.send(syncStep1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(staying.replies).toHaveLength(0);
    expect(leaving.replies).toHaveLength(0);

    leaving.ws.close();
    await until('the closed socket to leave', () => doc.connections.size === 1);
    store.failing = false;
    await until('the open socket to get its reply', () => staying.replies.length === 1);
    expect(leaving.replies).toHaveLength(0);

    staying.ws.close();
    await new Promise((resolve) => wss.close(resolve));
    doc.destroy();
  });

  it('answers repeated sync step 1s while the store fails once it heals, and closes a socket that piles them up (4208)', async () => {
    const doc = new CollabDocument('s', deps());
    await doc.load();
    const { wss, open } = await serveSockets(doc);
    const stepOne = (stateVector: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, stateVector);
      return encoding.toUint8Array(encoder);
    };
    const browser = await open();
    const flooder = await open();
    await until('both sockets to be bound', () => doc.connections.size === 2);
    store.failing = true;
    addParagraph(doc);
    // A browser probing while it waits: the same small state vector again and again.
    const probe = stepOne(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 20; i++) browser.ws.send(probe);
    // A script sending state vectors of 40,000 made-up clients (about 400 KB each).
    const huge = encoding.createEncoder();
    encoding.writeVarUint(huge, 40_000);
    for (let client = 1; client <= 40_000; client++) {
      encoding.writeVarUint(huge, client * 7919);
      encoding.writeVarUint(huge, 1_000_000);
    }
    const flood = stepOne(encoding.toUint8Array(huge));
    for (let i = 0; i < 4; i++) flooder.ws.send(flood);
    expect(await flooder.closed).toBe(CloseCode.ResyncRequired);
    expect(flooder.replies).toHaveLength(0);

    store.failing = false;
    await until('every probe to be answered', () => browser.replies.length === 20);
    expect(new Set(browser.replies.map((reply) => reply.toString('hex'))).size).toBe(1);
    browser.ws.close();
    await new Promise((resolve) => wss.close(resolve));
    doc.destroy();
  });

  it('lets go of the stored story when opening it fails after the store has read it', async () => {
    const failingRules = Object.assign(Object.create(articleStore) as SqliteArticleStore, {
      get: () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error')),
    });
    const registry = new DocumentRegistry(deps({ articleStore: failingRules }));
    await expect(registry.open('s')).rejects.toThrow('SQLITE_IOERR');
    expect(registry.size).toBe(0);
    expect(store.inner.loadedStories).toBe(0);
    // Opened again once the database answers: held once, and let go when it unloads.
    const healthy = new DocumentRegistry(deps());
    await healthy.open('s');
    expect(store.inner.loadedStories).toBe(1);
    healthy.release('s');
    await until('the story to unload', () => healthy.loaded('s') === null);
    expect(store.inner.loadedStories).toBe(0);
  });

  it('loads a story once for concurrent opens', async () => {
    const registry = new DocumentRegistry(deps());
    const [a, b] = await Promise.all([await registry.open('s'), await registry.open('s')]);
    expect(a).toBe(b);
    expect(registry.size).toBe(1);
    await registry.closeAll(4503);
  });
});
