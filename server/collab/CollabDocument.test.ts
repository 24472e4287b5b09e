import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import { createLogger } from '../log.ts';
import type { DocStore } from '../storage/DocStore.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { CollabDocument } from './CollabDocument.ts';
import { Connection } from './Connection.ts';
import { DocumentRegistry } from './DocumentRegistry.ts';

/** A real SQLite store whose disk "fills up" while `failing` is set. */
class FlakyDocStore implements DocStore {
  failing = false;
  attempts = 0;
  logLengthReads = 0;
  compactions = 0;
  constructor(readonly inner: DocStore) {}
  load(id: string) {
    return this.inner.load(id);
  }
  append(id: string, update: Uint8Array) {
    this.attempts += 1;
    if (this.failing) throw new Error('SQLITE_FULL: database or disk is full');
    this.inner.append(id, update);
  }
  compact(id: string) {
    this.compactions += 1;
    return this.inner.compact(id);
  }
  logLength(id: string) {
    this.logLengthReads += 1;
    return this.inner.logLength(id);
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

describe('CollabDocument storage failures', () => {
  let dir: string;
  let db: ReturnType<typeof openDatabase>;
  let store: FlakyDocStore;
  let articleStore: SqliteArticleStore;
  const log = createLogger('silent');
  const config = { compactAfterUpdates: 1000, summaryDebounceMs: 5, unloadDelayMs: 5 };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-doc-'));
    db = openDatabase(dir);
    articleStore = new SqliteArticleStore(db);
    store = new FlakyDocStore(new SqliteDocStore(db));
    const now = new Date().toISOString();
    articleStore.create(
      { id: 's', headline: 'H', status: 'draft', byline: '', slug: 'h', section: '', tags: [], wordCount: 1, createdAt: now, updatedAt: now },
      initialArticleState('H'),
    );
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a failed update in memory, stays dirty, and stores it on retry', async () => {
    const doc = new CollabDocument('s', { docStore: store, articleStore, config, log });
    doc.load();
    store.failing = true;
    doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(3, [new Y.XmlElement('paragraph')]), {
      kind: 'server',
      reason: 'test',
    });
    expect(doc.dirty).toBe(true);
    expect(doc.ydoc.getXmlFragment('default').length).toBe(4);
    expect(textOf(store.load('s'))).not.toBe(doc.ydoc.getXmlFragment('default').toString());
    const attemptsWhileFailing = store.attempts;
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(store.attempts).toBeGreaterThan(attemptsWhileFailing); // retried on its own

    store.failing = false;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(doc.dirty).toBe(false);
    expect(textOf(store.load('s'))).toBe(doc.ydoc.getXmlFragment('default').toString());
    doc.destroy();
  });

  it('is not unloaded while an update is unstored', async () => {
    const registry = new DocumentRegistry({ docStore: store, articleStore, config, log });
    const doc = await registry.open('s');
    store.failing = true;
    doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(3, [new Y.XmlElement('paragraph')]), {
      kind: 'server',
      reason: 'test',
    });
    registry.release('s');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registry.loaded('s')).toBe(doc);
    store.failing = false;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(registry.loaded('s')).toBeNull();
    expect(textOf(store.load('s'))).toContain('<paragraph></paragraph><paragraph></paragraph>');
  });

  it('counts the log in memory: one read at load, compaction once the count (stored rows included) reaches the limit', async () => {
    const typed = (doc: CollabDocument, n: number) => {
      for (let i = 0; i < n; i++) {
        doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(3, [new Y.XmlElement('paragraph')]), {
          kind: 'server',
          reason: 'test',
        });
      }
    };
    const small = { ...config, compactAfterUpdates: 10 };
    const first = new CollabDocument('s', { docStore: store, articleStore, config: small, log });
    first.load();
    typed(first, 6);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(0);
    first.destroy();
    expect(store.inner.logLength('s')).toBe(6);

    const second = new CollabDocument('s', { docStore: store, articleStore, config: small, log });
    store.logLengthReads = 0;
    second.load();
    typed(second, 3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(0); // 9 rows: not yet
    typed(second, 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(1); // the 6 stored rows counted with the 4 new ones
    expect(store.inner.logLength('s')).toBe(0);
    expect(store.logLengthReads).toBe(1);
    typed(second, 9);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(1); // the count restarted at the compaction
    expect(textOf(store.load('s'))).toBe(second.ydoc.getXmlFragment('default').toString());
    second.destroy();
  });

  it("drops a closed socket's replies waiting for a stored write, and still answers the open ones", async () => {
    const doc = new CollabDocument('s', { docStore: store, articleStore, config, log });
    doc.load();
    store.failing = true;
    doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(3, [new Y.XmlElement('paragraph')]), {
      kind: 'server',
      reason: 'test',
    });
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
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, replies };
    };
    const leaving = await open();
    const staying = await open();
    const syncStep1 = Uint8Array.of(0, 0, 1, 0);
    for (let i = 0; i < 3; i++) leaving.ws.send(syncStep1);
    staying.ws.send(syncStep1);
    await until('four replies to wait for the store', () => doc.waitingForStore === 4);

    leaving.ws.close();
    await until("the closed socket's replies to be dropped", () => doc.waitingForStore === 1);
    store.failing = false;
    expect(doc.flush()).toBe(true);
    await until('the open socket to get its reply', () => staying.replies.length === 1);
    expect(doc.waitingForStore).toBe(0);
    expect(leaving.replies).toHaveLength(0);

    staying.ws.close();
    await new Promise((resolve) => wss.close(resolve));
    doc.destroy();
  });

  it('loads a story once for concurrent opens', async () => {
    const registry = new DocumentRegistry({ docStore: store, articleStore, config, log });
    const [a, b] = await Promise.all([registry.open('s'), registry.open('s')]);
    expect(a).toBe(b);
    expect(registry.size).toBe(1);
    registry.closeAll(4503);
  });
});
