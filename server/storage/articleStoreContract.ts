import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArticleRecord, ArticleStore } from './ArticleStore.ts';
import type { UnitOfWork } from './UnitOfWork.ts';

/** What an ArticleStore implementation gives the contract suite. */
export interface ArticleStoreHarness {
  store: ArticleStore;
  /** The transactions of the store's database. */
  unit: UnitOfWork;
  /** The story's stored document (snapshot and log merged), or null when it has none. */
  loadState(articleId: string): Promise<Uint8Array | null>;
  /** Makes the database refuse the next snapshot written for `articleId` (e.g. a trigger). */
  failSnapshotsOf(articleId: string): void | Promise<void>;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

function record(id: string, at: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    headline: `Story ${id}`,
    status: 'draft',
    byline: '',
    slug: id,
    section: '',
    tags: [],
    wordCount: 0,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-01-02T00:00:00.000Z';
const T3 = '2024-01-03T00:00:00.000Z';
const T4 = '2024-01-04T00:00:00.123Z';

/** Runs the ArticleStore contract against any implementation; every backend must pass it. */
export function articleStoreContract(name: string, createHarness: () => ArticleStoreHarness | Promise<ArticleStoreHarness>): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let harness: ArticleStoreHarness;
    let store: ArticleStore;
    const ids = async () => (await store.list()).map((article) => article.id);

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterEach(() => harness.close());

    it('has nothing for a story it never created', async () => {
      expect(await store.get('nope')).toBeNull();
      expect(await store.list()).toEqual([]);
      expect(await harness.loadState('nope')).toBeNull();
    });

    it('creates a row and its first snapshot together, and reads the row back as written', async () => {
      const x = record('x', T1, { headline: 'X', byline: 'Ana', section: 'World', tags: ['a', 'Ä b', 'a'], wordCount: 1 });
      await store.create(x, stateOf('first'));
      expect(await store.get('x')).toEqual({ ...x, requireSuggestions: false, assignedWords: null, spikedAt: null, spikedBy: null });
      expect(textOf(await harness.loadState('x'))).toBe('first');
      expect(await store.list()).toEqual([await store.get('x')]);
    });

    it('keeps the review settings a new row is created with', async () => {
      await store.create(record('r', T1, { requireSuggestions: true, assignedWords: 650 }), stateOf(''));
      expect(await store.get('r')).toMatchObject({ requireSuggestions: true, assignedWords: 650 });
    });

    it('lists newest first by updatedAt, then createdAt, then the later created', async () => {
      await store.create(record('x', T1), stateOf(''));
      await store.create(record('y', T2), stateOf(''));
      expect(await ids()).toEqual(['y', 'x']);
      // Same updatedAt: the later createdAt first; same both: the one created later first.
      await store.create(record('old', T1, { updatedAt: T3 }), stateOf(''));
      await store.create(record('tie1', T3), stateOf(''));
      await store.create(record('tie2', T3), stateOf(''));
      await store.create(record('tie3', T3), stateOf(''));
      expect(await ids()).toEqual(['tie3', 'tie2', 'tie1', 'old', 'y', 'x']);
      // Sub-second times order too.
      await store.create(record('late', '2024-01-04T00:00:00.122Z'), stateOf(''));
      await store.setStatus('x', 'in_review', T4);
      expect((await ids()).slice(0, 2)).toEqual(['x', 'late']);
    });

    it('updates the summary, which moves the story up, and leaves status and review settings alone', async () => {
      await store.create(record('x', T1, { tags: ['a'], status: 'in_review', requireSuggestions: true, assignedWords: 400 }), stateOf(''));
      await store.create(record('y', T2), stateOf(''));
      await store.updateSummary('x', {
        headline: 'X2',
        wordCount: 7,
        byline: 'B',
        slug: 's',
        section: 'World',
        tags: ['t1', 't2'],
        updatedAt: T3,
      });
      expect(await ids()).toEqual(['x', 'y']);
      expect(await store.get('x')).toEqual({
        id: 'x',
        headline: 'X2',
        status: 'in_review',
        byline: 'B',
        slug: 's',
        section: 'World',
        tags: ['t1', 't2'],
        wordCount: 7,
        createdAt: T1,
        updatedAt: T3,
        requireSuggestions: true,
        assignedWords: 400,
        spikedAt: null,
        spikedBy: null,
      });
      await store.updateSummary('x', { headline: 'X3', wordCount: 0, byline: '', slug: '', section: '', tags: [], updatedAt: T4 });
      expect((await store.get('x'))?.tags).toEqual([]);
      // An unknown story is neither an error nor created.
      await store.updateSummary('nope', { headline: 'N', wordCount: 1, byline: '', slug: '', section: '', tags: [], updatedAt: T4 });
      expect(await store.get('nope')).toBeNull();
    });

    it('moves a story to a status, and says false for an unknown story', async () => {
      await store.create(record('x', T1, { headline: 'Kept' }), stateOf(''));
      expect(await store.setStatus('x', 'approved', T2)).toBe(true);
      expect(await store.get('x')).toMatchObject({ status: 'approved', updatedAt: T2, createdAt: T1, headline: 'Kept' });
      expect(await store.setStatus('nope', 'approved', T2)).toBe(false);
      expect(await store.get('nope')).toBeNull();
    });

    it('changes only the review settings given; null clears the assigned length', async () => {
      await store.create(record('x', T1, { status: 'in_review' }), stateOf(''));
      expect(await store.setReviewSettings('x', { requireSuggestions: true }, T2)).toBe(true);
      expect(await store.get('x')).toMatchObject({ requireSuggestions: true, assignedWords: null, updatedAt: T2, status: 'in_review' });
      expect(await store.setReviewSettings('x', { assignedWords: 800 }, T3)).toBe(true);
      expect(await store.get('x')).toMatchObject({ requireSuggestions: true, assignedWords: 800, updatedAt: T3 });
      expect(await store.setReviewSettings('x', {}, T4)).toBe(true);
      expect(await store.get('x')).toMatchObject({ requireSuggestions: true, assignedWords: 800, updatedAt: T4 });
      expect(await store.setReviewSettings('x', { requireSuggestions: false, assignedWords: null }, T4)).toBe(true);
      expect(await store.get('x')).toMatchObject({ requireSuggestions: false, assignedWords: null });
      expect(await store.setReviewSettings('nope', { requireSuggestions: true }, T4)).toBe(false);
      expect(await store.get('nope')).toBeNull();
    });

    it('refuses a second story with the same id and keeps the first one whole', async () => {
      await store.create(record('x', T1, { headline: 'First' }), stateOf('first'));
      await expect(store.create(record('x', T2, { headline: 'Second' }), stateOf('second'))).rejects.toThrow();
      expect(await store.get('x')).toMatchObject({ headline: 'First', updatedAt: T1 });
      expect(textOf(await harness.loadState('x'))).toBe('first');
      expect(await ids()).toEqual(['x']);
    });

    it('writes no row when its first snapshot is refused', async () => {
      await harness.failSnapshotsOf('z');
      await expect(store.create(record('z', T1), stateOf('lost'))).rejects.toThrow();
      expect(await store.get('z')).toBeNull();
      expect(await store.list()).toEqual([]);
      expect(await harness.loadState('z')).toBeNull();
    });

    it("joins the caller's transaction: a rollback takes the new story with it", async () => {
      await store.create(record('x', T1), stateOf('x'));
      const refused = new Error('refused after the story was created');
      await expect(
        harness.unit.transact(async () => {
          await store.create(record('y', T2), stateOf('y'));
          await store.setStatus('x', 'published', T3);
          expect(await store.get('y')).not.toBeNull();
          throw refused;
        }),
      ).rejects.toBe(refused);
      expect(await store.get('y')).toBeNull();
      expect(await harness.loadState('y')).toBeNull();
      expect(await store.get('x')).toMatchObject({ status: 'draft', updatedAt: T1 });
    });

    it('spikes a story and restores it, leaving its status and order alone', async () => {
      await store.create(record('s', T1), stateOf('s'));
      expect(await store.get('s')).toMatchObject({ spikedAt: null, spikedBy: null });
      expect(await store.setSpiked('s', { at: T2, by: 'ed' })).toBe(true);
      expect(await store.get('s')).toMatchObject({ status: 'draft', updatedAt: T1, spikedAt: T2, spikedBy: 'ed' });
      expect((await store.list()).find((r) => r.id === 's')).toMatchObject({ spikedAt: T2, spikedBy: 'ed' });
      expect(await store.setSpiked('s', null)).toBe(true);
      expect(await store.get('s')).toMatchObject({ spikedAt: null, spikedBy: null });
      expect(await store.setSpiked('nobody', { at: T2, by: 'ed' })).toBe(false);
    });
  });
}
