import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { NewVersion } from '../../VersionStore.ts';
import { SqliteVersionStore } from './SqliteVersionStore.ts';
import { insertVersionsTestArticle, openVersionsTestDatabase } from './testDatabase.ts';

function newVersion(articleId: string, text: string, overrides: Partial<NewVersion> = {}): NewVersion {
  const ydoc = new Y.Doc();
  ydoc.getText('t').insert(0, text);
  return {
    articleId,
    kind: 'auto',
    name: null,
    createdAt: '2024-05-01T09:00:00.000Z',
    createdBy: null,
    editors: ['ana'],
    wordCount: text.split(' ').length,
    state: Y.encodeStateAsUpdate(ydoc),
    doc: { meta: { byline: '', slug: 's', section: '', tags: [] }, doc: { type: 'doc', content: [{ type: 'text', text }] } },
    ...overrides,
  };
}

describe('SqliteVersionStore', () => {
  let db: Database.Database;
  let close: () => void;
  let store: SqliteVersionStore;

  beforeEach(() => {
    ({ db, close } = openVersionsTestDatabase());
    insertVersionsTestArticle(db, 'a');
    insertVersionsTestArticle(db, 'b');
    store = new SqliteVersionStore(db);
  });
  afterEach(() => close());

  it('numbers versions per story and lists them newest first without state', async () => {
    const first = await store.insert(newVersion('a', 'one'));
    await store.insert(newVersion('b', 'other story'));
    const second = await store.insert(newVersion('a', 'one two', { kind: 'named', name: 'Before legal read', createdBy: 'ed', editors: ['ana', 'bo'] }));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect((await store.insert(newVersion('b', 'again'))).number).toBe(2);

    const list = await store.list('a');
    expect(list.map((v) => v.number)).toEqual([2, 1]);
    expect(list[0]).toEqual({
      id: second.id,
      articleId: 'a',
      number: 2,
      kind: 'named',
      name: 'Before legal read',
      createdAt: '2024-05-01T09:00:00.000Z',
      createdBy: 'ed',
      editors: ['ana', 'bo'],
      wordCount: 2,
    });
    expect(list[0]).not.toHaveProperty('state');
    expect(list[0]).not.toHaveProperty('doc');
  });

  it('returns the exact state and document it stored', async () => {
    const stored = await store.insert(newVersion('a', 'hello world'));
    const read = (await store.get('a', 1))!;
    expect(read).toEqual(stored);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, read.state);
    expect(ydoc.getText('t').toString()).toBe('hello world');
    expect(await store.get('a', 2)).toBeNull();
    expect(await store.get('b', 1)).toBeNull();
  });

  it('finds the newest version of a story', async () => {
    expect(await store.latestFor('a')).toBeNull();
    await store.insert(newVersion('a', 'one'));
    await store.insert(newVersion('a', 'one two'));
    await store.insert(newVersion('b', 'b one'));
    expect((await store.latestFor('a'))!.number).toBe(2);
    expect((await store.latestFor('a'))!.doc.doc.content![0]!.text).toBe('one two');
  });

  it('refuses changing a stored version and an unknown kind or story', async () => {
    await store.insert(newVersion('a', 'one'));
    expect(() => db.prepare(`UPDATE article_versions SET name = 'x'`).run()).toThrow(/immutable/);
    await expect(store.insert(newVersion('a', 'x', { kind: 'bogus' as never }))).rejects.toThrow(/CHECK/);
    await expect(store.insert(newVersion('nope', 'x'))).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.list('a')).toHaveLength(1);
  });
});
