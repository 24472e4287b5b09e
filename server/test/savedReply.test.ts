import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { readStoredState } from './readStoredState.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from './rawSocket.ts';
import { createStory, paragraphs, settlesWithin } from './helpers.ts';
import { useTestServer } from './testServer.ts';

// The browser shows "All changes saved" when the server answers its sync step 1: that answer must
// not come while the server could not store an update the browser sent before it.
describe('the saved signal follows storage', () => {
  const server = useTestServer();


  it('holds the sync step 2 reply while an update is unstored and sends it once the retried write succeeds', async () => {
    const id = await createStory(server.url, 'Disk trouble', server.admin);
    const socket = openRawSocket(server.url, id, { auth: server.admin });
    await socket.greeted;
    await socket.barrier();

    const db = openDatabase(server.dataDir);
    const stored = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, readStoredState(db, id)!);
      return paragraphs(doc);
    };
    const base = new Y.Doc();
    Y.applyUpdate(base, readStoredState(db, id)!);
    // A real SQLite failure on every append, as a full disk would give.
    db.exec(`CREATE TRIGGER refuse_appends BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    try {
      socket.send(syncUpdateFrame(appendParagraphUpdate(base, 'typed while the disk was full')));
      const saved = socket.barrier();
      expect(await settlesWithin(saved, 600)).toBe(false);
      expect(stored()).not.toContain('typed while the disk was full');

      db.exec('DROP TRIGGER refuse_appends');
      expect(await settlesWithin(saved, 10_000)).toBe(true);
      expect(stored()).toContain('typed while the disk was full');
      // Once stored, replies come at once again.
      expect(await settlesWithin(socket.barrier(), 2_000)).toBe(true);
    } finally {
      db.exec('DROP TRIGGER IF EXISTS refuse_appends');
      db.close();
      socket.ws.close();
    }
  });
});
