import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { docStoreContract } from '../docStoreContract.ts';
import { databasePath, openDatabase } from './openDatabase.ts';
import { SqliteArticleStore } from './SqliteArticleStore.ts';
import { SqliteDocStore } from './SqliteDocStore.ts';
import { migrations } from './migrations.ts';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-sqlite-'));
}

async function insertArticle(store: SqliteArticleStore, id: string, updatedAt = new Date().toISOString()): Promise<void> {
  await store.create(
    {
      id,
      headline: `Story ${id}`,
      status: 'draft',
      byline: '',
      slug: id,
      section: '',
      tags: [],
      wordCount: 0,
      createdAt: updatedAt,
      updatedAt,
    },
    new Uint8Array([0, 0]),
  );
}

docStoreContract('SQLite', () => {
  const dir = tempDir();
  const db = openDatabase(dir);
  const articles = new SqliteArticleStore(db);
  // The contract starts from an empty document, so drop the placeholder snapshot `create` writes.
  return {
    store: new SqliteDocStore(db),
    ensureArticle: async (id) => {
      await insertArticle(articles, id);
      db.prepare('DELETE FROM doc_snapshots WHERE article_id = ?').run(id);
    },
    // A real refusal from the database inside the transaction, as a full disk would give.
    failAppendsOf: (id) => {
      db.exec(
        `CREATE TRIGGER refuse_${id} BEFORE INSERT ON doc_updates WHEN NEW.article_id = '${id}' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
      );
    },
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite storage', () => {
  it('opens in WAL mode with the schema at the latest migration', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    // A keystroke's commit writes one page of the log: a new file takes the smallest pages, and the
    // write-ahead log is checkpointed every 4 MiB.
    expect(db.pragma('page_size', { simple: true })).toBe(512);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
    db.close();
    // Re-opening runs no migration twice.
    const again = openDatabase(dir, { synchronous: 'FULL' });
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits a batch in one transaction, one INSERT per update', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    await insertArticle(new SqliteArticleStore(db), 'k');
    const statements: string[] = [];
    const watched = new Database(databasePath(dir), { verbose: (sql) => statements.push(String(sql)) });
    const docs = new SqliteDocStore(watched);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'keystroke');
    statements.length = 0;
    await docs.appendAll([{ articleId: 'k', update: Y.encodeStateAsUpdate(doc) }, { articleId: 'k', update: Y.encodeStateAsUpdate(doc) }]);
    expect(statements).toEqual(['BEGIN', expect.stringMatching(/^INSERT INTO doc_updates/), expect.stringMatching(/^INSERT INTO doc_updates/), 'COMMIT']);
    expect((await docs.load('k')).logLength).toBe(2);
    watched.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what it knows of a story only while a load holds it: every load is paired with a release', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    await insertArticle(new SqliteArticleStore(db), 'k');
    const docs = new SqliteDocStore(db);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'keystroke');
    await docs.load('k');
    // A one-off read of the open story (an export) comes and goes.
    await docs.load('k');
    docs.release('k');
    expect(docs.loadedStories).toBe(1);
    await docs.appendAll([{ articleId: 'k', update: Y.encodeStateAsUpdate(doc) }]);
    expect(await docs.compact('k')).toBe(1);
    docs.release('k');
    expect(docs.loadedStories).toBe(0);
    docs.release('k');
    docs.release('never loaded');
    expect(docs.loadedStories).toBe(0);
    // Still compacts without its bookkeeping: the log is read for the story's rows.
    await docs.appendAll([{ articleId: 'k', update: Y.encodeStateAsUpdate(doc) }]);
    expect(await docs.compact('k')).toBe(1);
    expect((await docs.load('k')).logLength).toBe(0);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves an update log written before the log was keyed by story into the new table, in order', async () => {
    const dir = tempDir();
    const old = new Database(databasePath(dir));
    old.pragma('foreign_keys = ON');
    for (let version = 0; version < 5; version++) old.exec(migrations[version]!);
    old.pragma('user_version = 5');
    const now = new Date().toISOString();
    old.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)').run('old', 'Old', now, now);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'kept ');
    doc.getText('t').insert(5, 'in order');
    const insert = old.prepare('INSERT INTO doc_updates (article_id, data, created_at) VALUES (?, ?, ?)');
    for (const update of updates) insert.run('old', update, now);
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const loaded = await new SqliteDocStore(db).load('old');
    expect(loaded.logLength).toBe(2);
    const again = new Y.Doc();
    Y.applyUpdate(again, loaded.state!);
    expect(again.getText('t').toString()).toBe('kept in order');
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a database from a newer Copydesk', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer than this server knows/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
