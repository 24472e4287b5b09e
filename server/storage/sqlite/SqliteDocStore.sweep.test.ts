import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
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
    const textOf = async (id: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.load(id)).state!);
      return doc.getText('t').toString();
    };
    return { db, ids, docs, store, typeRound, rowCount, textOf };
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
    const { ids, store, typeRound, rowCount } = setUp(2);
    for (const id of ids) await store.load(id);
    for (let round = 0; round < 3; round++) await typeRound(round);
    await store.compact('s0');
    await store.compact('s1');
    expect(rowCount()).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, SWEEP_QUIET_MS + 500));
    expect(rowCount()).toBe(0);
  });

  it('closing every story of an interleaved log rewrites far fewer pages than it has rows', async () => {
    const { db, ids, store, typeRound, rowCount } = setUp(40);
    for (const id of ids) await store.load(id);
    for (let round = 0; round < 50; round++) await typeRound(round);
    const rows = rowCount();
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const id of ids) await store.compact(id);
    store.sweep();
    expect(rowCount()).toBe(0);
    const { log } = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!;
    // Deleting each story's rows at its compaction wrote about one page per row (2,000 here).
    expect(log).toBeLessThan(rows / 4);
  });
});
