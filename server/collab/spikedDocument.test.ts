import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { createLogger } from '../log.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { readStoredState } from '../test/readStoredState.ts';
import { appendParagraphUpdate, syncUpdateFrame } from '../test/rawSocket.ts';
import { CommitQueue } from './CommitQueue.ts';
import { Connection } from './Connection.ts';
import { DocumentRegistry } from './DocumentRegistry.ts';

function paragraphsOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment('default').toString();
}

/**
 * The write rule a spike sets lives in the open document: a socket that was opened with write
 * access (before the spike, not closed yet) still cannot change the story.
 */
describe('a spiked story in memory', () => {
  let dir: string;
  let db: ReturnType<typeof openDatabase>;
  let articleStore: SqliteArticleStore;
  let registry: DocumentRegistry;
  let wss: WebSocketServer;
  let url: string;
  const log = createLogger('silent');

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-spike-'));
    db = openDatabase(dir);
    articleStore = new SqliteArticleStore(db);
    const docStore = new SqliteDocStore(db);
    const now = new Date().toISOString();
    await articleStore.create(
      { id: 's', headline: 'H', status: 'draft', byline: '', slug: 'h', section: '', tags: [], wordCount: 1, createdAt: now, updatedAt: now },
      initialArticleState('H'),
    );
    registry = new DocumentRegistry({
      docStore,
      commits: new CommitQueue(docStore, log),
      articleStore,
      log,
      config: { compactAfterUpdates: 1000, summaryDebounceMs: 5, unloadDelayMs: 5 },
    });
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (ws) => {
      const user = { id: 1, username: 'ed', displayName: 'Ed', role: 'editor' as const, color: '#000000' };
      const connection = new Connection(ws, { articleId: 's', user, access: 'write', log, maxMessageBytes: 1 << 20, onClose: () => registry.release('s') });
      void registry.open('s').then((doc) => connection.attach(doc));
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => wss.close(resolve));
    await registry.closeAll(CloseCode.ServerShutdown);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a writer's socket; `roundTrip` resolves once every frame sent before it was handled. */
  const openWriter = async () => {
    const ws = new WebSocket(url);
    const waiters: Array<() => void> = [];
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) waiters.shift()?.();
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    const roundTrip = () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        ws.send(Uint8Array.of(0, 0, 1, 0));
      });
    await roundTrip();
    return { ws, closed, roundTrip };
  };

  it('drops a writer socket’s updates once the story is spiked, and takes them again once restored', async () => {
    const writer = await openWriter();
    const local = new Y.Doc();
    Y.applyUpdate(local, readStoredState(db, 's')!);

    writer.ws.send(syncUpdateFrame(appendParagraphUpdate(local, 'before the spike')));
    await writer.roundTrip();
    expect(paragraphsOf(readStoredState(db, 's'))).toContain('before the spike');

    await articleStore.setSpiked('s', { at: new Date().toISOString(), by: 'ed' });
    await registry.refreshRules('s');
    writer.ws.send(syncUpdateFrame(appendParagraphUpdate(local, 'while spiked')));
    await writer.roundTrip();
    expect(registry.loaded('s')!.ydoc.getXmlFragment('default').toString()).not.toContain('while spiked');
    expect(paragraphsOf(readStoredState(db, 's'))).not.toContain('while spiked');

    await articleStore.setSpiked('s', null);
    await registry.refreshRules('s');
    writer.ws.send(syncUpdateFrame(appendParagraphUpdate(local, 'after the restore')));
    await writer.roundTrip();
    expect(paragraphsOf(readStoredState(db, 's'))).toContain('after the restore');
    writer.ws.close();
  });

  it('evicts a deleted story: its sockets close with StoryDeleted and nothing of it is stored again', async () => {
    const writer = await openWriter();
    registry.evict('s', CloseCode.StoryDeleted, 'story deleted');
    expect(await writer.closed).toBe(CloseCode.StoryDeleted);
    expect(registry.loaded('s')).toBeNull();
    expect(registry.size).toBe(0);
  });
});
