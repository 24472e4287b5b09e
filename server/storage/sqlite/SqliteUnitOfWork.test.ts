import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TransactionSpannedTurnError } from '../UnitOfWork.ts';
import { openDatabase } from './openDatabase.ts';
import { SqliteDocStore } from './SqliteDocStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from './SqliteUnitOfWork.ts';

let dir: string;
let db: Database.Database;
let unit: SqliteUnitOfWork;
const insert = (value: string) => unit.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(value));
const values = () => unit.run(() => db.prepare('SELECT v FROM t ORDER BY rowid').all().map((row) => (row as { v: string }).v));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-unit-'));
  db = openDatabase(dir);
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  unit = sqliteUnitOf(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SqliteUnitOfWork', () => {
  it('is one per connection', () => {
    expect(sqliteUnitOf(db)).toBe(unit);
  });

  it('commits what the transaction awaited', async () => {
    const result = await unit.transact(async () => {
      await insert('a');
      await insert('b');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await values()).toEqual(['a', 'b']);
    expect(unit.inTransaction).toBe(false);
  });

  it('rolls everything back on a throw and rejects with the same error', async () => {
    const refusal = new Error('refused');
    await expect(
      unit.transact(async () => {
        await insert('a');
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await values()).toEqual([]);
  });

  it('keeps a statement from outside out of an open transaction: it runs after the commit or rollback', async () => {
    let releaseOutside!: () => void;
    const outsideMayStart = new Promise<void>((resolve) => (releaseOutside = resolve));
    // A chain started before the transaction, continuing in the same turn while it is open.
    const outside = outsideMayStart.then(() => insert('outside'));
    const transaction = unit.transact(async () => {
      await insert('inside');
      releaseOutside();
      await insert('inside again');
      await Promise.resolve();
      throw new Error('roll back');
    });
    await expect(transaction).rejects.toThrow('roll back');
    await outside;
    // The rollback took only the transaction's own rows.
    expect(await values()).toEqual(['outside']);
  });

  it('rolls back a transaction that awaits a timer, and lets waiting statements through afterwards', async () => {
    const transaction = unit.transact(async () => {
      await insert('inside');
      await sleep(5);
      await insert('too late');
    });
    const outside = insert('outside');
    await expect(transaction).rejects.toBeInstanceOf(TransactionSpannedTurnError);
    await outside;
    expect(await values()).toEqual(['outside']);
  });

  it('runs one transaction at a time', async () => {
    const order: string[] = [];
    const first = unit.transact(async () => {
      order.push('first begins');
      await insert('1');
      order.push('first ends');
    });
    const second = unit.transact(async () => {
      order.push('second begins');
      await insert('2');
      order.push('second ends');
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
    expect(await values()).toEqual(['1', '2']);
  });

  it('nests a transaction as a savepoint: an inner throw undoes only the inner part', async () => {
    await unit.transact(async () => {
      await insert('outer');
      await expect(
        unit.transact(async () => {
          await insert('inner');
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
      await unit.transact(async () => insert('inner kept'));
    });
    expect(await values()).toEqual(['outer', 'inner kept']);
  });

  it('never lets a guarded DocStore commit inside an open transaction', async () => {
    db.exec("INSERT INTO articles (id, headline, status, byline, slug, section, tags, word_count, created_at, updated_at) VALUES ('s', '', 'draft', '', '', '', '[]', 0, '', '')");
    const docs = unit.guard(new SqliteDocStore(db));
    const ydoc = new Y.Doc();
    ydoc.getText('t').insert(0, 'kept');
    let releaseCommit!: () => void;
    // The commit queue's chain, started outside the transaction, reaching the store while it is open.
    const append = new Promise<void>((resolve) => (releaseCommit = resolve)).then(() =>
      docs.appendAll([{ articleId: 's', update: Y.encodeStateAsUpdate(ydoc) }]),
    );
    await expect(
      unit.transact(async () => {
        await insert('inside');
        releaseCommit();
        await insert('inside again');
        await Promise.resolve();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await append;
    expect((await docs.load('s')).logLength).toBe(1);
    expect(await values()).toEqual([]);
  });

  it('passes release through to the store, in order behind a compaction that waits for a transaction', async () => {
    db.exec("INSERT INTO articles (id, headline, status, byline, slug, section, tags, word_count, created_at, updated_at) VALUES ('s', '', 'draft', '', '', '', '[]', 0, '', '')");
    const store = new SqliteDocStore(db);
    const docs = unit.guard(store);
    const ydoc = new Y.Doc();
    ydoc.getText('t').insert(0, 'kept');
    await docs.load('s');
    await docs.appendAll([{ articleId: 's', update: Y.encodeStateAsUpdate(ydoc) }]);
    expect(store.loadedStories).toBe(1);
    let closeStory!: () => void;
    // The registry's chain, started outside the transaction, closing the story while it is open.
    const closing = new Promise<void>((resolve) => (closeStory = resolve)).then(() => {
      const compacted = docs.compact('s');
      docs.release!('s');
      return compacted;
    });
    await unit.transact(async () => {
      await insert('inside');
      closeStory();
      await insert('inside again');
      await Promise.resolve();
      await Promise.resolve();
      // Both wait for the commit: the store still knows the story's rows.
      expect(store.loadedStories).toBe(1);
    });
    const compacted = closing;
    expect(await compacted).toBe(1);
    await values();
    expect(store.loadedStories).toBe(0);
    expect((await docs.load('s')).logLength).toBe(0);
  });
});
