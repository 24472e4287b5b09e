import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import { createLogger } from '../log.ts';
import type { DocStore, PendingUpdate } from '../storage/DocStore.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { readStoredState } from '../test/readStoredState.ts';
import { CollabDocument } from './CollabDocument.ts';
import { CommitQueue } from './CommitQueue.ts';
import { Connection } from './Connection.ts';
import { encodeUpdate } from './protocol.ts';

/** The real SQLite store, keeping a copy of every update it is asked to store. */
class RecordingDocStore implements DocStore {
  readonly appended: Uint8Array[] = [];
  constructor(readonly inner: SqliteDocStore) {}
  load(id: string) {
    return this.inner.load(id);
  }
  async appendAll(updates: readonly PendingUpdate[]) {
    for (const { update } of updates) this.appended.push(Uint8Array.from(update));
    await this.inner.appendAll(updates);
  }
  compact(id: string) {
    return this.inner.compact(id);
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The payload of a relayed sync update frame (0, 2, length, update), or null for any other frame. */
function relayedUpdate(frame: Buffer): Uint8Array | null {
  if (frame[0] !== 0 || frame[1] !== 2) return null;
  let length = 0;
  let scale = 1;
  let at = 2;
  for (;;) {
    const byte = frame[at++]!;
    length += (byte & 0x7f) * scale;
    if (byte < 0x80) break;
    scale *= 128;
  }
  return Uint8Array.from(frame.subarray(at, at + length));
}

/**
 * A client's keystroke is stored and relayed as the bytes it sent when the story took exactly those
 * (Yjs does not encode the transaction again); any other update is stored as what the story took.
 */
describe('updates stored as sent', () => {
  let dir: string;
  let db: ReturnType<typeof openDatabase>;
  let store: RecordingDocStore;
  let commits: CommitQueue;
  let doc: CollabDocument;
  let wss: WebSocketServer;
  const log = createLogger('silent');
  const user = { id: 1, username: 'rita', displayName: 'Rita', role: 'editor' as const, color: '#000000' };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-as-sent-'));
    db = openDatabase(dir);
    const articleStore = new SqliteArticleStore(db);
    store = new RecordingDocStore(new SqliteDocStore(db));
    commits = new CommitQueue(store, log);
    const now = new Date().toISOString();
    await articleStore.create(
      { id: 's', headline: 'H', status: 'draft', byline: '', slug: 'h', section: '', tags: [], wordCount: 1, createdAt: now, updatedAt: now },
      initialArticleState('H'),
    );
    doc = new CollabDocument('s', { docStore: store, commits, articleStore, log, config: { compactAfterUpdates: 10_000, summaryDebounceMs: 5 } });
    await doc.load();
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (ws) => {
      new Connection(ws, { articleId: 's', user, access: 'write', log, maxMessageBytes: 1 << 20, onClose: () => {} }).attach(doc);
    });
    await new Promise((resolve) => wss.once('listening', resolve));
  });

  afterEach(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
    doc.destroy();
    commits.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A writer with her own replica, in step with the story, and everything relayed to her socket. */
  async function writer() {
    const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`);
    const relayed: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => {
      const update = relayedUpdate(data);
      if (update) relayed.push(update);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc.ydoc));
    const sent: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') sent.push(update);
    });
    return { ws, replica, sent, relayed, send: (update: Uint8Array) => ws.send(encodeUpdate(update)) };
  }

  /** Types at the end of the story's first paragraph (index 2, after the headline and standfirst). */
  const type = (replica: Y.Doc, words: string) => {
    const paragraph = replica.getXmlFragment('default').get(2) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText | undefined;
    if (text) text.insert(text.length, words);
    else paragraph.insert(0, [new Y.XmlText(words)]);
  };
  const stored = () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, readStoredState(db, 's')!);
    return copy.getXmlFragment('default').toString();
  };

  it('stores and relays a keystroke byte for byte as the writer sent it', async () => {
    const rita = await writer();
    const ed = await writer();
    await until('both sockets to join', () => doc.connections.size === 2);
    type(rita.replica, 'Fire ');
    type(rita.replica, 'crews');
    ((rita.replica.getXmlFragment('default').get(2) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2); // deletions only
    expect(rita.sent).toHaveLength(3);
    for (const update of rita.sent) rita.send(update);
    await until('the keystrokes to reach Ed', () => ed.relayed.length === 3);
    expect(store.appended).toEqual(rita.sent);
    expect(ed.relayed).toEqual(rita.sent);
    expect(rita.relayed).toHaveLength(0); // not echoed to its writer
    expect(stored()).toBe(rita.replica.getXmlFragment('default').toString());
    // Yjs was not asked to encode any of them: nobody listens for encoded updates between transactions.
    expect(doc.ydoc._observers.has('update')).toBe(false);
    rita.ws.close();
    ed.ws.close();
  });

  it('stores as sent an update that repeats deletions the story made already: applied again they change nothing', async () => {
    const rita = await writer();
    const ed = await writer();
    await until('both sockets to join', () => doc.connections.size === 2);
    type(rita.replica, 'Fire ');
    ((rita.replica.getXmlFragment('default').get(2) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2);
    type(rita.replica, 'crews');
    rita.send(rita.sent[0]!);
    rita.send(rita.sent[1]!);
    // Her last keystroke with the deletion again, as a client merging what it had not heard confirmed sends it.
    const merged = Y.mergeUpdates([rita.sent[1]!, rita.sent[2]!]);
    rita.send(merged);
    await until('three updates to reach Ed', () => ed.relayed.length === 3);
    expect(store.appended[2]).toEqual(merged);
    expect(Y.decodeUpdate(store.appended[2]!).ds.clients.size).toBe(1);
    expect(stored()).toBe(rita.replica.getXmlFragment('default').toString());
    expect(stored()).toContain('re crews');
    rita.ws.close();
    ed.ws.close();
  });

  it('stores only what the story lacked when an update repeats structs it has', async () => {
    const rita = await writer();
    const ed = await writer();
    await until('both sockets to join', () => doc.connections.size === 2);
    type(rita.replica, 'Fire');
    type(rita.replica, ' crews');
    rita.send(rita.sent[0]!);
    await until('the first keystroke to be stored', () => store.appended.length === 1);
    // Both keystrokes in one update, as a reconnecting client sends what the server may lack.
    const both = Y.mergeUpdates(rita.sent);
    rita.send(both);
    await until('the second to be stored', () => store.appended.length === 2 && ed.relayed.length === 2);
    expect(store.appended[1]).not.toEqual(both);
    expect(store.appended[1]).toEqual(ed.relayed[1]);
    // What was stored the second time starts where the first ended: nothing stored twice.
    const meta = Y.parseUpdateMeta(store.appended[1]!);
    const id = rita.replica.clientID;
    expect(meta.from.get(id)).toBe(Y.parseUpdateMeta(rita.sent[0]!).to.get(id));
    expect(meta.to.get(id)).toBe(Y.parseUpdateMeta(rita.sent[1]!).to.get(id));
    expect(stored()).toContain('Fire crews');
    rita.ws.close();
    ed.ws.close();
  });

  it('stores nothing of an update that waits for missing structs, then what the story took once they come', async () => {
    const rita = await writer();
    await until('the socket to join', () => doc.connections.size === 1);
    type(rita.replica, 'Fire');
    type(rita.replica, ' crews');
    rita.send(rita.sent[1]!); // depends on the first, which the server lacks
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.appended).toHaveLength(0);
    rita.send(rita.sent[0]!);
    await until('both to be stored', () => !doc.dirty && store.appended.length > 0);
    expect(store.appended).toHaveLength(1);
    expect(store.appended[0]).not.toEqual(rita.sent[0]); // both keystrokes, as the story took them
    expect(stored()).toContain('Fire crews');
    expect(doc.ydoc.getXmlFragment('default').toString()).toBe(rita.replica.getXmlFragment('default').toString());
    rita.ws.close();
  });

  it('stores a refused keystroke as sent and the undo after it, so the stored story is the live one', async () => {
    const rita = await writer();
    await until('the socket to join', () => doc.connections.size === 1);
    // The comment threads are written by the server only: the gate undoes this for everyone.
    rita.replica.getMap('comments').set('forged', 'thread');
    rita.send(rita.sent[0]!);
    await until('the keystroke and its undo to be stored', () => store.appended.length === 2 && !doc.dirty);
    expect(store.appended[0]).toEqual(rita.sent[0]);
    expect(doc.ydoc.getMap('comments').has('forged')).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, readStoredState(db, 's')!);
    expect(copy.getMap('comments').has('forged')).toBe(false);
    rita.ws.close();
  });

  it('stores what the story took, whatever order, repeats and merges two writers send their updates in', async () => {
    const rita = await writer();
    const ed = await writer();
    await until('both sockets to join', () => doc.connections.size === 2);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), who: fc.integer({ min: 0, max: 1 }), words: fc.string({ minLength: 1, maxLength: 6 }) }),
      fc.record({ kind: fc.constant('delete' as const), who: fc.integer({ min: 0, max: 1 }), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('send' as const), who: fc.integer({ min: 0, max: 1 }), pick: fc.nat(), merge: fc.integer({ min: 1, max: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const writers = [rita, ed];
        for (const step of ops) {
          const w = writers[step.who]!;
          const paragraph = w.replica.getXmlFragment('default').get(2) as Y.XmlElement;
          const text = paragraph.get(0) as Y.XmlText | undefined;
          if (step.kind === 'type') type(w.replica, step.words);
          else if (step.kind === 'delete' && text && text.length > 0) text.delete(step.at % text.length, Math.min(step.length, text.length - (step.at % text.length)));
          else if (step.kind === 'send' && w.sent.length > 0) {
            // Any of her updates, alone or merged with the next ones: repeated, out of order, or ahead of what it needs.
            const from = step.pick % w.sent.length;
            w.send(Y.mergeUpdates(w.sent.slice(from, from + step.merge)));
          }
        }
        // Each writer then sends everything she has, as a reconnect's sync step 2 would.
        for (const w of writers) w.send(Y.encodeStateAsUpdate(w.replica));
        const expected = new Y.Doc();
        for (const w of writers) Y.applyUpdate(expected, Y.encodeStateAsUpdate(w.replica));
        const story = (ydoc: Y.Doc) => ydoc.getXmlFragment('default').toString();
        // The story has taken all of both writers' work (its own server changes aside: there are none).
        await until('everything to be taken and stored', () => story(doc.ydoc) === story(expected) && !doc.dirty);
        expect(stored()).toBe(story(expected));
      }),
      { numRuns: 25 },
    );
    rita.ws.close();
    ed.ws.close();
  });

  it('still stores a server change, which Yjs encodes', async () => {
    doc.ydoc.transact(() => doc.ydoc.getXmlFragment('default').insert(2, [new Y.XmlElement('paragraph')]), { kind: 'server', reason: 'test' });
    await until('the change to be stored', () => !doc.dirty);
    expect(store.appended).toHaveLength(1);
    expect(stored()).toBe(doc.ydoc.getXmlFragment('default').toString());
    expect(doc.ydoc._observers.has('update')).toBe(false);
  });
});
