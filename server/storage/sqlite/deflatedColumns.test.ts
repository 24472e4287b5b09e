import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixtureText } from '../../test/publishingHelpers.ts';
import { deflated, storedBytes, storedText } from './deflated.ts';
import { migrations } from './migrations.ts';
import { databasePath, openDatabase } from './openDatabase.ts';
import { SqliteDocStore } from './SqliteDocStore.ts';
import { SqliteSearchIndex } from './search/SqliteSearchIndex.ts';
import { SqliteVersionStore } from './versions/SqliteVersionStore.ts';

const STORY_TEXT = fixtureText();

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-deflated-'));
}

function storyState(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (state: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('body').toString();
};

describe('deflated columns', () => {
  it('give back exactly the bytes and the text they were given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'binary', maxLength: 2048 }), (bytes, text) => {
        expect(storedBytes(deflated(bytes), 1)).toEqual(bytes);
        expect(storedText(deflated(text), 1)).toBe(text);
        // A row written before deflating existed reads as it was stored.
        expect(storedBytes(Buffer.from(bytes), 0)).toEqual(bytes);
        expect(storedText(text, 0)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('store a story several times smaller', () => {
    const state = storyState(STORY_TEXT);
    expect(deflated(state).byteLength).toBeLessThan(state.byteLength / 2);
    expect(deflated(STORY_TEXT).byteLength).toBeLessThan(Buffer.byteLength(STORY_TEXT) / 2);
  });

  it('keep snapshots, versions and search written before them readable, and write new ones deflated', async () => {
    const dir = tempDir();
    // A database as the server before migration 15 left it.
    const old = new Database(databasePath(dir));
    old.pragma('foreign_keys = ON');
    for (let version = 0; version < 14; version++) old.exec(migrations[version]!);
    old.pragma('user_version = 14');
    const now = new Date().toISOString();
    old.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)').run('old', 'Old', now, now);
    const oldState = storyState(STORY_TEXT);
    old.prepare('INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES (?, ?, ?)').run('old', oldState, now);
    const oldDoc = { meta: { byline: 'Ana', slug: 'old', section: '', tags: [] }, doc: { type: 'doc', content: [] } };
    old
      .prepare(
        `INSERT INTO article_versions (article_id, number, kind, name, created_at, created_by, editors, word_count, state, doc)
         VALUES ('old', 1, 'named', 'Before', ?, NULL, '[]', 3, ?, ?)`,
      )
      .run(now, oldState, JSON.stringify(oldDoc));
    old.prepare(`INSERT INTO search_documents (article_id, document) VALUES ('old', '{"headline":"Old"}')`).run();
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const docs = new SqliteDocStore(db);
    const loaded = await docs.load('old');
    expect(textOf(loaded.state!)).toBe(STORY_TEXT);

    const versions = new SqliteVersionStore(db);
    const before = await versions.get('old', 1);
    expect(before!.doc).toEqual(oldDoc);
    expect(textOf(before!.state)).toBe(STORY_TEXT);

    // The search index starts empty: the server indexes every story it lacks at start.
    const search = new SqliteSearchIndex(db);
    expect(await search.indexedIds()).toEqual([]);
    const document = { headline: 'Harbour fire', standfirst: '', body: STORY_TEXT, captions: '', byline: 'Ana', slug: 'old', section: '', tags: ['fire'] };
    await search.put('old', document);
    await search.put('old', { ...document, headline: 'Harbour fire: crews stay overnight' });
    expect(await search.search('overnight', 10)).toEqual(['old']);
    expect((await search.documents(['old'])).get('old')!.headline).toBe('Harbour fire: crews stay overnight');
    const storedDocument = db.prepare(`SELECT length(document) AS bytes FROM search_documents WHERE article_id = 'old'`).get() as { bytes: number };
    expect(storedDocument.bytes).toBeLessThan(Buffer.byteLength(JSON.stringify(document)) / 2);
    await search.remove('old');
    expect(await search.search('overnight', 10)).toEqual([]);

    // A compaction writes the snapshot deflated; it loads as before.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.state!);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('body').insert(0, 'UPDATE: ');
    await docs.appendAll(updates.map((update) => ({ articleId: 'old', update })));
    expect(await docs.compact('old')).toBe(1);
    const snapshot = db.prepare(`SELECT length(data) AS bytes, deflated FROM doc_snapshots WHERE article_id = 'old'`).get() as {
      bytes: number;
      deflated: number;
    };
    expect(snapshot.deflated).toBe(1);
    expect(snapshot.bytes).toBeLessThan(oldState.byteLength / 2);
    docs.release('old');
    expect(textOf((await docs.load('old')).state!)).toBe(`UPDATE: ${STORY_TEXT}`);

    // A new version is written deflated and reads back whole; the old one is unchanged.
    const state = Y.encodeStateAsUpdate(doc);
    const newDoc = { ...oldDoc, meta: { ...oldDoc.meta, byline: 'Ana and Bo' } };
    await versions.insert({
      articleId: 'old',
      kind: 'auto',
      name: null,
      createdAt: now,
      createdBy: null,
      editors: ['ana'],
      wordCount: 4,
      state,
      doc: newDoc as never,
    });
    const row = db.prepare(`SELECT length(state) AS bytes, deflated FROM article_versions WHERE number = 2`).get() as {
      bytes: number;
      deflated: number;
    };
    expect(row.deflated).toBe(1);
    expect(row.bytes).toBeLessThan(state.byteLength / 2);
    const after = await versions.get('old', 2);
    expect(after!.state).toEqual(state);
    expect(after!.doc).toEqual(newDoc);
    expect((await versions.get('old', 1))!.doc).toEqual(oldDoc);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
