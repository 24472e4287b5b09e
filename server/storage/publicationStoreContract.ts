import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublicationExistsError, type NewPublication, type PublicationStore } from './PublicationStore.ts';

/** What a PublicationStore implementation gives the contract suite. */
export interface PublicationStoreHarness {
  store: PublicationStore;
  /** Makes `articleId` a story publications may refer to (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  /** Runs `fn` in one transaction of the store's database (its UnitOfWork). */
  transact<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs an UPDATE of every stored publication straight on the database, bypassing the store. */
  updateEveryPublication(): Promise<unknown>;
  /** Runs a DELETE of every stored publication straight on the database, bypassing the store. */
  deleteEveryPublication(): Promise<unknown>;
  close(): void | Promise<void>;
}

/** A publication of `articleId` for tests: version n is published on May n, 2024. */
export function testPublication(articleId: string, version: number, over: Partial<NewPublication> = {}): NewPublication {
  return {
    articleId,
    version,
    publishedAt: `2024-05-0${version}T10:00:00.000Z`,
    publishedBy: 'editor',
    section: 'world',
    slug: `story-${articleId}`,
    headline: `Headline ${articleId} v${version}`,
    standfirst: 'Standfirst',
    byline: 'Desk',
    tags: ['x'],
    firstPublishedAt: '2024-05-01T10:00:00.000Z',
    embargoUntil: null,
    correction: null,
    html: `<!DOCTYPE html><p>${articleId} ${version}</p>`,
    ninjs: { uri: `https://x.test/${articleId}` } as NewPublication['ninjs'],
    ...over,
  };
}

const live = (articleId: string, changedAt = '2024-05-01T00:00:00.000Z') => ({ articleId, state: 'live' as const, changedAt, changedBy: 'editor' });

/** Runs the PublicationStore contract against any implementation; every backend must pass it. */
export function publicationStoreContract(name: string, createHarness: () => PublicationStoreHarness | Promise<PublicationStoreHarness>): void {
  describe(`PublicationStore contract: ${name}`, () => {
    let harness: PublicationStoreHarness;
    let store: PublicationStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
      for (const id of ['a', 'b', 'c']) await harness.ensureArticle(id);
    });
    afterEach(() => harness.close());

    it('keeps every version, returns the latest, and refuses duplicates', async () => {
      await store.insert(testPublication('a', 1));
      const second = await store.insert(testPublication('a', 2, { correction: 'Fixed a name.' }));
      expect(await store.latest('a')).toEqual(second);
      expect((await store.get('a', 1))?.html).toBe('<!DOCTYPE html><p>a 1</p>');
      expect((await store.get('a', 1))?.ninjs).toEqual({ uri: 'https://x.test/a' });
      expect((await store.list('a')).map((p) => [p.version, p.correction])).toEqual([
        [2, 'Fixed a name.'],
        [1, null],
      ]);
      expect((await store.list('a'))[0]).not.toHaveProperty('html');
      expect((await store.list('a'))[0]).not.toHaveProperty('ninjs');
      const duplicate = store.insert(testPublication('a', 2));
      await expect(duplicate).rejects.toBeInstanceOf(PublicationExistsError);
      await expect(duplicate).rejects.toMatchObject({ id: 'publication_exists', articleId: 'a', version: 2 });
      expect(await store.latest('a')).toEqual(second);
      expect(await store.latest('b')).toBeNull();
    });

    it('gives back every field exactly as stored, the ninjs keys in their order', async () => {
      const input = testPublication('a', 1, {
        tags: ['Élection', 'b', 'a'],
        embargoUntil: '2024-05-02T06:30:00.000Z',
        correction: 'Corrigé « ici ».',
        html: '<!DOCTYPE html>\n<p>Ça coûte 5 €</p>\n',
        ninjs: { version: '1', uri: 'https://x.test/a', headlines: [{ value: 'Ä' }], altids: [] } as unknown as NewPublication['ninjs'],
      });
      const stored = await store.insert(input);
      expect(stored).toEqual({ id: stored.id, ...input });
      expect(typeof stored.id).toBe('number');
      expect(await store.get('a', 1)).toEqual(stored);
      expect(Object.keys((await store.get('a', 1))!.ninjs)).toEqual(['version', 'uri', 'headlines', 'altids']);
      const { html: _html, ninjs: _ninjs, ...summary } = stored;
      expect(await store.list('a')).toEqual([summary]);
      const untagged = await store.insert(testPublication('b', 1, { tags: [] }));
      expect((await store.get('b', 1))?.tags).toEqual([]);
      expect(untagged.id).toBeGreaterThan(stored.id);
    });

    it('answers null or nothing for what does not exist', async () => {
      await store.insert(testPublication('a', 1));
      expect(await store.get('a', 2)).toBeNull();
      expect(await store.get('b', 1)).toBeNull();
      expect(await store.list('b')).toEqual([]);
      expect(await store.siteState('a')).toBeNull();
      expect(await store.visible('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('the database refuses to change or remove a publication', async () => {
      const first = await store.insert(testPublication('a', 1));
      await expect(harness.updateEveryPublication()).rejects.toThrow(/immutable/);
      await expect(harness.deleteEveryPublication()).rejects.toThrow(/immutable/);
      expect(await store.get('a', 1)).toEqual(first);
    });

    it('lists only the latest publication of live stories whose embargo has lifted', async () => {
      await store.insert(testPublication('a', 1));
      await store.insert(testPublication('a', 2));
      await store.insert(testPublication('b', 1, { embargoUntil: '2024-06-01T00:00:00.000Z' }));
      await store.insert(testPublication('c', 3, { publishedAt: '2024-05-09T00:00:00.000Z' }));
      for (const articleId of ['a', 'b', 'c']) await store.setSiteState(live(articleId));
      const visible = async (now: string) => (await store.visible(now, 10)).map((p) => `${p.articleId}${p.version}`);
      expect(await visible('2024-05-20T00:00:00.000Z')).toEqual(['c3', 'a2']);
      expect(await visible('2024-06-01T00:00:00.000Z')).toEqual(['c3', 'a2', 'b1']);
      const unpublished = { articleId: 'c', state: 'unpublished', changedAt: '2024-05-10T00:00:00.000Z', changedBy: 'chief' } as const;
      await store.setSiteState(unpublished);
      expect(await visible('2024-06-01T00:00:00.000Z')).toEqual(['a2', 'b1']);
      expect(await store.siteState('c')).toEqual(unpublished);
      expect(await store.visible('2024-06-01T00:00:00.000Z', 1)).toHaveLength(1);
      expect((await store.visible('2024-06-01T00:00:00.000Z', 1))[0]).toEqual(await store.latest('a'));
    });

    it('hides a story whose latest publication is under embargo, and orders equal times newest insert first', async () => {
      await store.insert(testPublication('a', 1));
      await store.insert(testPublication('a', 2, { embargoUntil: '2024-05-10T00:00:00.000Z' }));
      await store.insert(testPublication('b', 1, { publishedAt: '2024-05-03T10:00:00.000Z' }));
      await store.insert(testPublication('c', 1, { publishedAt: '2024-05-03T10:00:00.000Z' }));
      for (const articleId of ['a', 'b', 'c']) await store.setSiteState(live(articleId));
      const visible = async (now: string) => (await store.visible(now, 10)).map((p) => `${p.articleId}${p.version}`);
      // The embargo lifts at exactly its time.
      expect(await visible('2024-05-09T23:59:59.999Z')).toEqual(['c1', 'b1']);
      expect(await visible('2024-05-10T00:00:00.000Z')).toEqual(['c1', 'b1', 'a2']);
    });

    it('of two inserts of one version at once, exactly one is stored', async () => {
      const outcomes = await Promise.allSettled([
        harness.transact(() => store.insert(testPublication('a', 1, { headline: 'one' }))),
        harness.transact(() => store.insert(testPublication('a', 1, { headline: 'two' }))),
      ]);
      const stored = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(stored).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.reason).toBeInstanceOf(PublicationExistsError);
      expect(await store.list('a')).toHaveLength(1);
    });

    it('a refused duplicate leaves the transaction usable; a rolled-back transaction leaves nothing', async () => {
      await store.insert(testPublication('a', 1));
      await harness.transact(async () => {
        await expect(store.insert(testPublication('a', 1))).rejects.toBeInstanceOf(PublicationExistsError);
        await store.insert(testPublication('a', 2));
        await store.setSiteState(live('a'));
      });
      expect((await store.latest('a'))?.version).toBe(2);
      expect((await store.siteState('a'))?.state).toBe('live');
      await expect(
        harness.transact(async () => {
          await store.insert(testPublication('b', 1));
          await store.setSiteState(live('b'));
          throw new Error('refused later');
        }),
      ).rejects.toThrow('refused later');
      expect(await store.latest('b')).toBeNull();
      expect(await store.siteState('b')).toBeNull();
    });
  });
}
