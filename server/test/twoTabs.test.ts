import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type Database from 'better-sqlite3';
import { SaveTracker } from '../../client/src/collab/SaveTracker.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { appendParagraph, connectClient, createStory, paragraphs, settlesWithin, waitFor, type TestClient } from './helpers.ts';
import { openRawSocket, syncUpdateFrame } from './rawSocket.ts';
import { useTestServer } from './testServer.ts';

// One person, the story open in two tabs. Tab B's socket drops; what B types still reaches tab A over
// y-websocket's BroadcastChannel, applied with A's provider as its origin, so A never sends it to the
// server itself. What A types next builds on B's structs: the server must fetch them from A (a sync
// step 1, which y-websocket answers with a step 2 holding them) rather than drop A's edit, and must not
// tell A "saved" before it holds all of it.

/**
 * Links two headless tabs as y-websocket's BroadcastChannel does: each local change of one is applied
 * to the other with that other's provider as origin (so it is not sent on to the server from there).
 */
function linkTabs(one: TestClient, other: TestClient): () => void {
  const forward = (from: TestClient, to: TestClient) => (update: Uint8Array, origin: unknown) => {
    if (origin !== from.provider) Y.applyUpdate(to.ydoc, update, to.provider);
  };
  const oneToOther = forward(one, other);
  const otherToOne = forward(other, one);
  one.ydoc.on('update', oneToOther);
  other.ydoc.on('update', otherToOne);
  return () => {
    one.ydoc.off('update', oneToOther);
    other.ydoc.off('update', otherToOne);
  };
}

/**
 * The story's paragraphs as the server's SQLite file holds them at the call: the store reads
 * synchronously (better-sqlite3) even where its `load` answers through a promise. Either answer
 * shape is read: the whole state, or `{ state }`.
 */
async function storedParagraphs(db: Database.Database, articleId: string): Promise<string[]> {
  const loaded: unknown = await new SqliteDocStore(db).load(articleId);
  const state = loaded instanceof Uint8Array ? loaded : ((loaded as { state?: Uint8Array | null } | null)?.state ?? null);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return paragraphs(doc);
}

/** Appends `text` to the body's last paragraph, as typing at its end does. */
function typeAtEnd(ydoc: Y.Doc, text: string): void {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const last = fragment.get(fragment.length - 1) as Y.XmlElement;
  const words = last.get(0) as Y.XmlText;
  words.insert(words.length, text);
}

describe('one person with a story open in two tabs, one tab’s socket cut', () => {
  const server = useTestServer();
  let db: Database.Database;
  const cleanups: Array<() => void> = [];

  beforeAll(() => {
    db = openDatabase(server.dataDir);
  });
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });
  afterAll(() => db.close());

  function connect(id: string): TestClient {
    const client = connectClient(server.url, id, { auth: server.admin });
    cleanups.push(() => client.destroy());
    return client;
  }

  it('loses nothing of what either tab typed, and tab A is never told "saved" before the server holds it', async () => {
    const id = await createStory(server.url, 'Two tabs', server.admin);
    const a = connect(id);
    const b = connect(id);
    await Promise.all([a.synced, b.synced]);
    cleanups.push(linkTabs(a, b));
    const tracker = new SaveTracker(a.ydoc, a.provider);
    cleanups.push(() => tracker.destroy());

    // Every time A is told "saved": what A held then, and what the server had stored then.
    const savedMoments: Array<{ inTabA: string[]; stored: Promise<string[]> }> = [];
    tracker.subscribe(() => {
      if (!tracker.hasUnsavedChanges) savedMoments.push({ inTabA: paragraphs(a.ydoc), stored: storedParagraphs(db, id) });
    });

    b.provider.disconnect();
    await waitFor('tab B to go offline', () => !b.provider.wsconnected);

    const expected: string[] = [];
    for (let round = 1; round <= 3; round++) {
      appendParagraph(b.ydoc, `B offline ${round}.`);
      expect(paragraphs(a.ydoc)).toContain(`B offline ${round}.`);
      // A continues B's sentence, then starts a paragraph after it: both built on B's structs.
      typeAtEnd(a.ydoc, ` A adds ${round}.`);
      appendParagraph(a.ydoc, `A after B ${round}.`);
      expected.push(`B offline ${round}. A adds ${round}.`, `A after B ${round}.`);
      expect(tracker.hasUnsavedChanges).toBe(true);
      const moments = savedMoments.length;
      await waitFor(`tab A to be told "saved" (round ${round})`, () => !tracker.hasUnsavedChanges && savedMoments.length > moments);
    }

    expect(paragraphs(a.ydoc)).toEqual(expect.arrayContaining(expected));
    for (const moment of savedMoments) {
      expect(await moment.stored, 'what the server had stored when tab A was told "saved"').toEqual(expect.arrayContaining(moment.inTabA));
    }

    // A reader with nothing local gets it all from the server while tab B is still offline.
    const fresh = connect(id);
    await fresh.synced;
    await expect.poll(() => paragraphs(fresh.ydoc), { timeout: 5_000 }).toEqual(expect.arrayContaining(expected));

    // Tab B comes back and everyone converges.
    b.provider.connect();
    await b.synced;
    await waitFor('both tabs and the fresh client to converge', () => {
      const story = paragraphs(a.ydoc);
      return expected.every((text) => story.includes(text)) &&
        JSON.stringify(paragraphs(b.ydoc)) === JSON.stringify(story) &&
        JSON.stringify(paragraphs(fresh.ydoc)) === JSON.stringify(story);
    });
    const story = paragraphs(a.ydoc);

    // Everyone leaves; the restarted server has it all from storage.
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    await server.restart();
    const later = connect(id);
    await later.synced;
    expect(paragraphs(later.ydoc)).toEqual(story);
    expect(await storedParagraphs(db, id)).toEqual(story);
  });

  it('asks the sender for the structs its update lacks, holds its "saved" reply, and keeps the update once they come', async () => {
    const id = await createStory(server.url, 'Fetch, never drop', server.admin);
    const reader = connect(id);
    await reader.synced;

    // Tab B's change, never sent; tab A holds it and builds on it.
    const tabB = new Y.Doc();
    Y.applyUpdate(tabB, Y.encodeStateAsUpdate(reader.ydoc));
    appendParagraph(tabB, 'Only tab B typed this.');
    const tabA = new Y.Doc();
    Y.applyUpdate(tabA, Y.encodeStateAsUpdate(tabB));
    const beforeA = Y.encodeStateVector(tabA);
    typeAtEnd(tabA, ' Tab A went on.');
    appendParagraph(tabA, 'Tab A’s own paragraph.');

    const socket = openRawSocket(server.url, id, { auth: server.admin });
    cleanups.push(() => socket.ws.close());
    await socket.greeted;
    await socket.barrier();
    const seen = socket.received.length;
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(tabA, beforeA)));

    const saved = socket.barrier();
    await waitFor('the server to ask tab A for what it lacks (a sync step 1)', () =>
      socket.received.slice(seen).some((data) => data[0] === 0 && data[1] === 0), 5_000);
    expect(await settlesWithin(saved, 400), 'the "saved" reply while the update waits for its structs').toBe(false);

    // Answer as y-websocket does: a step 2 with everything the server's state vector lacks.
    const ask = socket.received.slice(seen).find((data) => data[0] === 0 && data[1] === 0)!;
    const serverState = decoding.readVarUint8Array(decoding.createDecoder(new Uint8Array(ask.subarray(2))));
    const answer = encoding.createEncoder();
    encoding.writeVarUint(answer, 0);
    syncProtocol.writeSyncStep2(answer, tabA, serverState);
    socket.send(encoding.toUint8Array(answer));

    expect(await settlesWithin(saved, 5_000), 'the "saved" reply once the structs arrived').toBe(true);
    const expected = ['Only tab B typed this. Tab A went on.', 'Tab A’s own paragraph.'];
    expect(await storedParagraphs(db, id)).toEqual(expect.arrayContaining(expected));
    await expect.poll(() => paragraphs(reader.ydoc)).toEqual(expect.arrayContaining(expected));
  });
});
