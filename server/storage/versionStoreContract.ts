import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { NewVersion, VersionStore } from './VersionStore.ts';

/** What a VersionStore implementation gives the contract suite. */
export interface VersionStoreHarness {
  store: VersionStore;
  /** Makes `articleId` a story versions may be stored for (inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  /** Runs an UPDATE of every stored version straight on the database, as the store never does. */
  changeStoredVersions(): void | Promise<void>;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

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

/** Runs the VersionStore contract against any implementation; every backend must pass it. */
export function versionStoreContract(name: string, createHarness: () => VersionStoreHarness | Promise<VersionStoreHarness>): void {
  describe(`VersionStore contract: ${name}`, () => {
    let harness: VersionStoreHarness;
    let store: VersionStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
      await harness.ensureArticle('a');
      await harness.ensureArticle('b');
    });
    afterEach(() => harness.close());

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
      expect(typeof list[0]!.id).toBe('number');
      expect(list[1]!.id).toBe(first.id);
      expect(await store.list('nope')).toEqual([]);
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

    it('gives back the document as written: key order, any text, empty lists', async () => {
      const doc = {
        meta: { tags: [], section: 'Wörld', slug: 'z', byline: '' },
        doc: { type: 'doc', content: [{ type: 'text', text: 'nul \u0000 quote " emoji 📰', marks: [] }], attrs: { zeta: 1, alpha: null } },
      } as unknown as NewVersion['doc'];
      const state = new Uint8Array([0, 255, 0, 1, 0]);
      await store.insert(newVersion('a', 'x', { doc, state, editors: [], name: '' }));
      const read = (await store.get('a', 1))!;
      expect(JSON.stringify(read.doc)).toBe(JSON.stringify(doc));
      expect([...read.state]).toEqual([...state]);
      expect(read.editors).toEqual([]);
      expect(read.name).toBe('');
    });

    it('finds the newest version of a story', async () => {
      expect(await store.latestFor('a')).toBeNull();
      await store.insert(newVersion('a', 'one'));
      await store.insert(newVersion('a', 'one two'));
      await store.insert(newVersion('b', 'b one'));
      expect((await store.latestFor('a'))!.number).toBe(2);
      expect((await store.latestFor('a'))!.doc.doc.content![0]!.text).toBe('one two');
      expect(await store.latestFor('nope')).toBeNull();
    });

    it('gives versions stored at once consecutive numbers, none twice', async () => {
      const inserted = await Promise.all(Array.from({ length: 12 }, (_, i) => store.insert(newVersion(i % 3 ? 'a' : 'b', `v${i}`))));
      const numbersOf = (id: string) => inserted.filter((v) => v.articleId === id).map((v) => v.number).sort((x, y) => x - y);
      expect(numbersOf('a')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(numbersOf('b')).toEqual([1, 2, 3, 4]);
      expect((await store.list('a')).map((v) => v.number)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      for (const version of inserted) {
        expect((await store.get(version.articleId, version.number))!.doc).toEqual(version.doc);
      }
    });

    it('refuses changing a stored version and an unknown kind or story', async () => {
      await store.insert(newVersion('a', 'one'));
      await expect(Promise.resolve().then(() => harness.changeStoredVersions())).rejects.toThrow(/immutable/);
      await expect(store.insert(newVersion('a', 'x', { kind: 'bogus' as never }))).rejects.toThrow(/check constraint/i);
      await expect(store.insert(newVersion('nope', 'x'))).rejects.toThrow(/foreign key constraint/i);
      expect(await store.list('a')).toHaveLength(1);
      expect((await store.get('a', 1))!.name).toBeNull();
    });
  });
}
