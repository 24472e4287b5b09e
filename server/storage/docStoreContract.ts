import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './DocStore.ts';

/** What a DocStore implementation gives the contract suite. */
export interface DocStoreHarness {
  store: DocStore;
  /** Makes `articleId` a story the store may hold state for (e.g. inserts its row). */
  ensureArticle(articleId: string): void;
  /** Releases the store's resources. */
  close(): void;
}

function textOf(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** Runs the DocStore contract against any implementation; every backend must pass it. */
export function docStoreContract(name: string, createHarness: () => DocStoreHarness): void {
  describe(`DocStore contract: ${name}`, () => {
    let harness: DocStoreHarness;
    let store: DocStore;
    let doc: Y.Doc;
    const updates: Uint8Array[] = [];

    beforeEach(() => {
      harness = createHarness();
      store = harness.store;
      harness.ensureArticle('a');
      harness.ensureArticle('b');
      doc = new Y.Doc();
      updates.length = 0;
      doc.on('update', (update: Uint8Array) => updates.push(update));
    });
    afterEach(() => harness.close());

    it('loads null for a story with no stored state', () => {
      expect(store.load('a')).toBeNull();
      expect(store.logLength('a')).toBe(0);
    });

    it('appends updates and loads their merge, counting the log', () => {
      doc.getText('t').insert(0, 'hello');
      doc.getText('t').insert(5, ' world');
      store.append('a', updates[0]!);
      expect(store.logLength('a')).toBe(1);
      store.append('a', updates[1]!);
      expect(store.logLength('a')).toBe(2);
      expect(textOf(store.load('a'))).toBe('hello world');
    });

    it('keeps stories apart', () => {
      doc.getText('t').insert(0, 'only a');
      store.append('a', updates[0]!);
      expect(store.load('b')).toBeNull();
      expect(store.logLength('b')).toBe(0);
    });

    it('compacts the log into a snapshot without changing the content', () => {
      for (let i = 0; i < 20; i++) doc.getText('t').insert(i, String(i % 10));
      for (const update of updates) store.append('a', update);
      const before = textOf(store.load('a'));
      expect(store.compact('a')).toBe(20);
      expect(store.logLength('a')).toBe(0);
      expect(textOf(store.load('a'))).toBe(before);
      expect(before).toBe(doc.getText('t').toString());
    });

    it('keeps updates appended after a compaction and compacts again', () => {
      doc.getText('t').insert(0, 'one ');
      store.append('a', updates[0]!);
      expect(store.compact('a')).toBe(1);
      doc.getText('t').insert(4, 'two');
      store.append('a', updates[1]!);
      expect(store.logLength('a')).toBe(1);
      expect(textOf(store.load('a'))).toBe('one two');
      expect(store.compact('a')).toBe(1);
      expect(store.logLength('a')).toBe(0);
      expect(textOf(store.load('a'))).toBe('one two');
    });

    it('compacting an empty log is harmless', () => {
      expect(store.compact('a')).toBe(0);
      expect(store.load('a')).toBeNull();
    });

    it('loads out-of-order updates (Yjs merges them by id, not by arrival)', () => {
      doc.getText('t').insert(0, 'ab');
      doc.getText('t').insert(2, 'cd');
      store.append('a', updates[1]!);
      store.append('a', updates[0]!);
      expect(textOf(store.load('a'))).toBe('abcd');
      store.compact('a');
      expect(textOf(store.load('a'))).toBe('abcd');
    });
  });
}
