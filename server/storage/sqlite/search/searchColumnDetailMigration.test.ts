import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../test/publishingHelpers.ts';
import type { SearchDocument } from '../../../search/SearchDocument.ts';
import { migrations } from '../migrations.ts';
import { databasePath, openDatabase } from '../openDatabase.ts';
import { SqliteSearchIndex } from './SqliteSearchIndex.ts';

const BODY = fixtureText();

const documentOf = (overrides: Partial<SearchDocument>): SearchDocument => ({
  headline: '',
  standfirst: '',
  body: '',
  captions: '',
  byline: '',
  slug: '',
  section: '',
  tags: [],
  ...overrides,
});

// Bytes the write-ahead log grew by while `write` ran, from an emptied log.
function walBytes(db: Database.Database, file: string, write: () => void): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  write();
  return fs.statSync(`${file}-wal`).size;
}

describe('search index without word positions (migration 16)', () => {
  it('rebuilds the index empty from a version 15 database, and the rebuilt index finds and ranks as before', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-search-detail-'));
    try {
      const old = new Database(databasePath(dir));
      old.pragma('journal_mode = WAL');
      for (let version = 0; version < 15; version++) old.exec(migrations[version]!);
      old.pragma('user_version = 15');
      const before = new SqliteSearchIndex(old);
      await before.put('old', documentOf({ headline: 'Harbour fire', body: BODY }));
      expect(await before.search('harbour', 10)).toEqual(['old']);
      old.close();

      const db = openDatabase(dir);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const { sql } = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'search_fts'`).get() as { sql: string };
      expect(sql).toMatch(/detail\s*=\s*column/);
      // Empty: the server indexes every story the index lacks at start.
      const search = new SqliteSearchIndex(db);
      expect(await search.indexedIds()).toEqual([]);

      await search.put('old', documentOf({ headline: 'Harbour fire', body: BODY }));
      await search.put('body', documentOf({ headline: 'Weather', body: `The harbour ${'harbour '.repeat(20)}` }));
      // Word prefixes in any column; a headline hit first, whatever the bodies hold.
      expect(await search.search('harb', 10)).toEqual(['old', 'body']);
      expect(await search.search('weath', 10)).toEqual(['body']);
      await search.remove('body');
      expect(await search.search('harbour', 10)).toEqual(['old']);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes at most three quarters of what a positional index wrote when long stories are re-indexed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-search-detail-'));
    try {
      // Version 15's index, on pages and checkpoints as openDatabase sets them.
      const positional = new Database(path.join(dir, 'positional.sqlite'));
      positional.pragma('page_size = 512');
      positional.pragma('journal_mode = WAL');
      positional.pragma('wal_autocheckpoint = 8192');
      for (let version = 0; version < 15; version++) positional.exec(migrations[version]!);
      const current = openDatabase(dir);
      const writes = (db: Database.Database, file: string): number => {
        const index = new SqliteSearchIndex(db);
        // A desk of stories, then one of them re-indexed again and again, as unloads do.
        for (let i = 0; i < 40; i++) void index.put(`s${i}`, documentOf({ headline: `Story ${i}`, body: `${BODY} ${i}` }));
        return walBytes(db, file, () => {
          for (let i = 0; i < 40; i++) void index.put(`s${i % 10}`, documentOf({ headline: `Story ${i}`, body: `${BODY} edit ${i}` }));
        });
      };
      const withPositions = writes(positional, path.join(dir, 'positional.sqlite'));
      const withColumns = writes(current, databasePath(dir));
      expect(withColumns).toBeLessThan(withPositions * 0.75);
      positional.close();
      current.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
