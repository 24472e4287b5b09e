import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlugStore } from './PublicationStore.ts';

/** What a SlugStore implementation gives the contract suite. */
export interface SlugStoreHarness {
  store: SlugStore;
  /** Makes `articleId` a story addresses may belong to (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  /** Runs `fn` in one transaction of the store's database (its UnitOfWork), as publishing does. */
  transact<T>(fn: () => Promise<T>): Promise<T>;
  close(): void | Promise<void>;
}

/** Runs the SlugStore contract against any implementation; every backend must pass it. */
export function slugStoreContract(name: string, createHarness: () => SlugStoreHarness | Promise<SlugStoreHarness>): void {
  describe(`SlugStore contract: ${name}`, () => {
    let harness: SlugStoreHarness;
    let slugs: SlugStore;
    const stories = Array.from({ length: 8 }, (_, i) => `s${i}`);

    beforeEach(async () => {
      harness = await createHarness();
      slugs = harness.store;
      for (const id of ['a', 'b', 'c', ...stories]) await harness.ensureArticle(id);
    });
    afterEach(() => harness.close());

    it('gives each story a unique address per section and keeps old ones for redirects', async () => {
      expect(await slugs.claim('a', 'world', 'exodus', '2024-05-01T10:00:00.000Z')).toEqual({ articleId: 'a', section: 'world', slug: 'exodus', current: true });
      expect((await slugs.claim('a', 'world', 'exodus', '2024-05-01T11:00:00.000Z')).slug).toBe('exodus');
      expect((await slugs.claim('b', 'world', 'exodus', '2024-05-01T11:00:00.000Z')).slug).toBe('exodus-2');
      expect((await slugs.claim('c', 'asia', 'exodus', '2024-05-01T11:00:00.000Z')).slug).toBe('exodus');
      expect((await slugs.claim('a', 'world', 'mass-exodus', '2024-05-01T12:00:00.000Z')).slug).toBe('mass-exodus');
      expect(await slugs.resolve('world', 'exodus')).toEqual({ articleId: 'a', section: 'world', slug: 'exodus', current: false });
      expect((await slugs.current('a'))?.slug).toBe('mass-exodus');
      // An old address of another story is never given away.
      expect((await slugs.claim('c', 'world', 'exodus', '2024-05-01T13:00:00.000Z')).slug).toBe('exodus-3');
      // Going back to its own old address revives it.
      expect(await slugs.claim('a', 'world', 'exodus', '2024-05-01T14:00:00.000Z')).toMatchObject({ slug: 'exodus', current: true });
      expect((await slugs.resolve('world', 'mass-exodus'))?.current).toBe(false);
      expect(await slugs.resolve('world', 'nothing')).toBeNull();
    });

    it('a story has one current address at most, and none before its first claim', async () => {
      expect(await slugs.current('a')).toBeNull();
      await slugs.claim('a', 'world', 'one', '2024-05-01T10:00:00.000Z');
      await slugs.claim('a', 'asia', 'two', '2024-05-01T11:00:00.000Z');
      expect(await slugs.current('a')).toEqual({ articleId: 'a', section: 'asia', slug: 'two', current: true });
      expect(await slugs.resolve('world', 'one')).toEqual({ articleId: 'a', section: 'world', slug: 'one', current: false });
      expect(await slugs.current('b')).toBeNull();
    });

    it('stories claiming one address at the same time each get their own', async () => {
      const claimed = await Promise.all(
        stories.map((id) => harness.transact(() => slugs.claim(id, 'world', 'exodus', '2024-05-01T10:00:00.000Z'))),
      );
      const expected = ['exodus', ...stories.slice(1).map((_, i) => `exodus-${i + 2}`)];
      expect(claimed.map((c) => c.slug).sort()).toEqual([...expected].sort());
      for (const record of claimed) {
        expect(await slugs.resolve('world', record.slug)).toEqual(record);
        expect(await slugs.current(record.articleId)).toEqual(record);
      }
    });

    it('claims of one story at the same time leave it one current address', async () => {
      const addresses: string[] = [];
      for (let round = 0; round < 5; round++) {
        const wanted = Array.from({ length: 4 }, (_, i) => `take-${round}-${i}`);
        const claimed = await Promise.all(wanted.map((slug) => slugs.claim('a', 'world', slug, '2024-05-01T10:00:00.000Z')));
        expect(claimed.map((c) => c.slug)).toEqual(wanted);
        addresses.push(...wanted);
      }
      const records = await Promise.all(addresses.map((slug) => slugs.resolve('world', slug)));
      const current = records.filter((record) => record?.current);
      expect(records.every((record) => record?.articleId === 'a')).toBe(true);
      expect(current).toHaveLength(1);
      expect(await slugs.current('a')).toEqual(current[0]);
    });

    it('a claim in a transaction that rolls back leaves no trace', async () => {
      await slugs.claim('a', 'world', 'first', '2024-05-01T10:00:00.000Z');
      await expect(
        harness.transact(async () => {
          await slugs.claim('a', 'world', 'second', '2024-05-01T11:00:00.000Z');
          throw new Error('publication refused');
        }),
      ).rejects.toThrow('publication refused');
      expect(await slugs.resolve('world', 'second')).toBeNull();
      expect(await slugs.current('a')).toEqual({ articleId: 'a', section: 'world', slug: 'first', current: true });
      expect((await slugs.claim('b', 'world', 'second', '2024-05-01T12:00:00.000Z')).slug).toBe('second');
    });
  });
}
