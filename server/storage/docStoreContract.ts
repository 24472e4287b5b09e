import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './DocStore.ts';

/** What a DocStore implementation gives the contract suite. */
export interface DocStoreHarness {
  store: DocStore;
  /** Makes `articleId` a story the store may hold state for (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  /** Makes the next appendAll fail part-way (e.g. a trigger refusing the row of `articleId`). */
  failAppendsOf(articleId: string): void | Promise<void>;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

function textOf(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** Runs the DocStore contract against any implementation; every backend must pass it. */
export function docStoreContract(name: string, createHarness: () => DocStoreHarness | Promise<DocStoreHarness>): void {
  describe(`DocStore contract: ${name}`, () => {
    let harness: DocStoreHarness;
    let store: DocStore;
    let doc: Y.Doc;
    const updates: Uint8Array[] = [];
    const append = (articleId: string, ...list: Uint8Array[]) => store.appendAll(list.map((update) => ({ articleId, update })));

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
      await harness.ensureArticle('a');
      await harness.ensureArticle('b');
      doc = new Y.Doc();
      updates.length = 0;
      doc.on('update', (update: Uint8Array) => updates.push(update));
    });
    afterEach(() => harness.close());

    it('loads nothing for a story with no stored state', async () => {
      expect(await store.load('a')).toEqual({ state: null, logLength: 0 });
    });

    it('appends updates and loads their merge, counting the log', async () => {
      doc.getText('t').insert(0, 'hello');
      doc.getText('t').insert(5, ' world');
      await append('a', updates[0]!);
      expect((await store.load('a')).logLength).toBe(1);
      await append('a', updates[1]!);
      const loaded = await store.load('a');
      expect(loaded.logLength).toBe(2);
      expect(textOf(loaded.state)).toBe('hello world');
    });

    it('commits updates of several stories in one call', async () => {
      const other = new Y.Doc();
      other.getText('t').insert(0, 'for b');
      doc.getText('t').insert(0, 'for a');
      await store.appendAll([
        { articleId: 'a', update: updates[0]! },
        { articleId: 'b', update: Y.encodeStateAsUpdate(other) },
      ]);
      expect(textOf((await store.load('a')).state)).toBe('for a');
      expect(textOf((await store.load('b')).state)).toBe('for b');
    });

    it('stores all of a failed call or nothing', async () => {
      doc.getText('t').insert(0, 'kept');
      await append('a', updates[0]!);
      doc.getText('t').insert(4, ' lost');
      const other = new Y.Doc();
      other.getText('t').insert(0, 'refused');
      await harness.failAppendsOf('b');
      await expect(
        store.appendAll([
          { articleId: 'a', update: updates[1]! },
          { articleId: 'b', update: Y.encodeStateAsUpdate(other) },
        ]),
      ).rejects.toThrow();
      expect(await store.load('a')).toMatchObject({ logLength: 1 });
      expect(textOf((await store.load('a')).state)).toBe('kept');
      expect((await store.load('b')).state).toBeNull();
    });

    it('keeps stories apart', async () => {
      doc.getText('t').insert(0, 'only a');
      await append('a', updates[0]!);
      expect(await store.load('b')).toEqual({ state: null, logLength: 0 });
    });

    it('compacts the log into a snapshot without changing the content', async () => {
      for (let i = 0; i < 20; i++) doc.getText('t').insert(i, String(i % 10));
      await append('a', ...updates);
      const before = textOf((await store.load('a')).state);
      expect(await store.compact('a')).toBe(20);
      const after = await store.load('a');
      expect(after.logLength).toBe(0);
      expect(textOf(after.state)).toBe(before);
      expect(before).toBe(doc.getText('t').toString());
    });

    it('keeps updates appended after a compaction and compacts again', async () => {
      doc.getText('t').insert(0, 'one ');
      await append('a', updates[0]!);
      expect(await store.compact('a')).toBe(1);
      doc.getText('t').insert(4, 'two');
      await append('a', updates[1]!);
      expect((await store.load('a')).logLength).toBe(1);
      expect(textOf((await store.load('a')).state)).toBe('one two');
      expect(await store.compact('a')).toBe(1);
      const after = await store.load('a');
      expect(after.logLength).toBe(0);
      expect(textOf(after.state)).toBe('one two');
    });

    it('compacts an open story (loaded first) while other stories append, keeping their rows and later ones', async () => {
      doc.getText('t').insert(0, 'before ');
      await append('a', updates[0]!);
      await store.load('a');
      const other = new Y.Doc();
      other.getText('t').insert(0, 'b stays');
      await store.appendAll([{ articleId: 'b', update: Y.encodeStateAsUpdate(other) }]);
      for (let i = 0; i < 5; i++) doc.getText('t').insert(doc.getText('t').length, String(i));
      await append('a', ...updates.slice(1));
      expect(await store.compact('a')).toBe(6);
      doc.getText('t').insert(doc.getText('t').length, ' after');
      await append('a', updates.at(-1)!);
      expect(await store.load('a')).toMatchObject({ logLength: 1 });
      expect(textOf((await store.load('a')).state)).toBe('before 01234 after');
      expect(await store.load('b')).toMatchObject({ logLength: 1 });
      expect(textOf((await store.load('b')).state)).toBe('b stays');
      expect(await store.compact('a')).toBe(1);
      store.release?.('a');
      expect(await store.compact('a')).toBe(0);
      expect(textOf((await store.load('a')).state)).toBe('before 01234 after');
    });

    it('compacting an empty log is harmless', async () => {
      expect(await store.compact('a')).toBe(0);
      expect((await store.load('a')).state).toBeNull();
    });

    it('loads out-of-order updates (Yjs merges them by id, not by arrival)', async () => {
      doc.getText('t').insert(0, 'ab');
      doc.getText('t').insert(2, 'cd');
      await append('a', updates[1]!, updates[0]!);
      expect(textOf((await store.load('a')).state)).toBe('abcd');
      await store.compact('a');
      expect(textOf((await store.load('a')).state)).toBe('abcd');
    });
  });
}
