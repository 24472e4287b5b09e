import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { SqliteStoryEraser } from './articles/SqliteStoryEraser.ts';
import { openDatabase } from './openDatabase.ts';
import { SqliteDocStore, SWEEP_QUIET_MS } from './SqliteDocStore.ts';

const now = new Date().toISOString();

describe('SqliteDocStore: compacted rows are swept in bulk', () => {
  const opened: Array<{ db: Database.Database; dir: string }> = [];
  afterEach(() => {
    for (const { db, dir } of opened.splice(0)) {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A database with `count` stories and a writer per story whose keystrokes interleave in the log. */
  function setUp(count: number) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-sweep-'));
    const db = openDatabase(dir);
    opened.push({ db, dir });
    const ids = Array.from({ length: count }, (_, i) => `s${i}`);
    const insert = db.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (const id of ids) insert.run(id, id, now, now);
    const docs = new Map(ids.map((id) => [id, new Y.Doc()]));
    const store = new SqliteDocStore(db);
    /** One round: every story gets one keystroke, all in one grouped commit. */
    const typeRound = async (round: number) => {
      const pending = ids.map((id) => {
        const doc = docs.get(id)!;
        const before = Y.encodeStateVector(doc);
        doc.getText('t').insert(doc.getText('t').length, String(round % 10));
        return { articleId: id, update: Y.encodeStateAsUpdate(doc, before) };
      });
      await store.appendAll(pending);
    };
    const rowCount = () => (db.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
    /** After a sweep took every merged row: the one row left is the empty placeholder at the log's head (keepLogHead). */
    const onlyHeadLeft = () => db.prepare('SELECT seq, length(data) AS bytes FROM doc_updates').all();
    const textOf = async (id: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.load(id)).state!);
      return doc.getText('t').toString();
    };
    return { db, dir, ids, docs, store, typeRound, rowCount, onlyHeadLeft, textOf };
  }

  /** The story's text as a server that has just started would load it (a store that has seen nothing). */
  async function loadedText(db: Database.Database, id: string): Promise<string> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await new SqliteDocStore(db).load(id)).state!);
    return doc.getText('t').toString();
  }

  it('keeps merged rows until the sweep, skips them on load, and sweeps only what a snapshot holds', async () => {
    const { ids, docs, store, typeRound, rowCount, textOf } = setUp(3);
    for (const id of ids) await store.load(id);
    for (let round = 0; round < 4; round++) await typeRound(round);
    expect(await store.compact('s0')).toBe(4);
    expect(rowCount()).toBe(12);
    expect((await store.load('s0')).logLength).toBe(0);
    expect(await textOf('s0')).toBe(docs.get('s0')!.getText('t').toString());
    await typeRound(4);
    expect(store.sweep()).toBe(4);
    expect(rowCount()).toBe(11);
    expect((await store.load('s0')).logLength).toBe(1);
    expect((await store.load('s1')).logLength).toBe(5);
    for (const id of ids) expect(await textOf(id)).toBe(docs.get(id)!.getText('t').toString());
  });

  it('sweeps by itself once compactions stop', async () => {
    const { ids, store, typeRound, rowCount, onlyHeadLeft } = setUp(2);
    for (const id of ids) await store.load(id);
    for (let round = 0; round < 3; round++) await typeRound(round);
    await store.compact('s0');
    await store.compact('s1');
    expect(rowCount()).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, SWEEP_QUIET_MS + 500));
    expect(onlyHeadLeft()).toEqual([{ seq: 6, bytes: 2 }]);
  });

  it('keeps a row typed after the sweep emptied the log, across a restart', async () => {
    const { db, dir, ids, docs, store, typeRound, onlyHeadLeft } = setUp(1);
    await store.load('s0');
    for (let round = 0; round < 3; round++) await typeRound(round);
    await store.compact('s0');
    store.sweep();
    expect(onlyHeadLeft()).toEqual([{ seq: 3, bytes: 2 }]);
    // In a bare log SQLite would number this row 1, which the snapshot (through row 3) says it holds.
    await typeRound(3);
    expect(await loadedText(db, 's0')).toBe('0123');
    db.close();
    const reopened = openDatabase(dir);
    opened.push({ db: reopened, dir });
    const restarted = new SqliteDocStore(reopened);
    await restarted.load('s0');
    const doc = docs.get('s0')!;
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(4, '4');
    await restarted.appendAll([{ articleId: ids[0]!, update: Y.encodeStateAsUpdate(doc, before) }]);
    expect(await loadedText(reopened, 's0')).toBe('01234');
  });

  it('keeps a row typed after an erased story took the newest rows with it', async () => {
    const { db, docs, store, typeRound, onlyHeadLeft } = setUp(2);
    for (const id of ['s0', 's1']) await store.load(id);
    await typeRound(0);
    await typeRound(1);
    await store.compact('s0');
    // s0's rows 1 and 3 go; s1's rows 2 and 4 are the log's head.
    store.sweep();
    db.prepare('UPDATE articles SET spiked_at = ? WHERE id = ?').run(now, 's1');
    expect(await new SqliteStoryEraser(db).erase('s1', now)).toBe(true);
    expect(onlyHeadLeft()).toEqual([{ seq: 3, bytes: 2 }]);
    const doc = docs.get('s0')!;
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(2, '2');
    await store.appendAll([{ articleId: 's0', update: Y.encodeStateAsUpdate(doc, before) }]);
    expect(await loadedText(db, 's0')).toBe('012');
  });

  it('closing every story of an interleaved log rewrites far fewer pages than it has rows', async () => {
    const { db, ids, store, typeRound, rowCount, onlyHeadLeft } = setUp(40);
    for (const id of ids) await store.load(id);
    for (let round = 0; round < 50; round++) await typeRound(round);
    const rows = rowCount();
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const id of ids) await store.compact(id);
    store.sweep();
    expect(onlyHeadLeft()).toEqual([{ seq: rows, bytes: 2 }]);
    const { log } = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!;
    // Deleting each story's rows at its compaction wrote about one page per row (2,000 here).
    expect(log).toBeLessThan(rows / 4);
  });
});
