import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTICES_PER_WRITER, type WordsBackStore } from './WordsBackStore.ts';

/** What a WordsBackStore implementation gives the contract suite. */
export interface WordsBackStoreHarness {
  store: WordsBackStore;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

const ANA = 1;
const BO = 2;
const HOUR = 3_600_000;

/** Runs the WordsBackStore contract against any implementation; every backend must pass it. */
export function wordsBackStoreContract(name: string, createHarness: () => WordsBackStoreHarness | Promise<WordsBackStoreHarness>): void {
  describe(`WordsBackStore contract: ${name}`, () => {
    let harness: WordsBackStoreHarness;
    let store: WordsBackStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterEach(() => harness.close());

    const texts = async (articleId: string, userId: number, limit = 100) => (await store.pending(articleId, userId, limit)).map((n) => n.notice);

    it('keeps nothing for an account and story nobody kept a notice for', async () => {
      expect(await store.pending('s1', ANA, 10)).toEqual([]);
    });

    it('gives each notice a greater id than the one before, whatever its story and account', async () => {
      const first = await store.add('s1', ANA, 'a');
      const second = await store.add('s2', BO, 'b');
      const third = await store.add('s1', ANA, 'c');
      expect(Number.isInteger(first)).toBe(true);
      expect(second).toBeGreaterThan(first);
      expect(third).toBeGreaterThan(second);
    });

    it('never gives an id again once its notice is forgotten', async () => {
      const first = await store.add('s1', ANA, 'a');
      expect(await store.delivered('s1', ANA, [first])).toBe(1);
      expect(await store.add('s1', ANA, 'b')).toBeGreaterThan(first);
    });

    it("keeps each account's notices of each story apart, oldest first", async () => {
      await store.add('s1', ANA, 'ana s1 first');
      await store.add('s1', BO, 'bo s1');
      await store.add('s2', ANA, 'ana s2');
      await store.add('s1', ANA, 'ana s1 second');
      expect(await texts('s1', ANA)).toEqual(['ana s1 first', 'ana s1 second']);
      expect(await texts('s1', BO)).toEqual(['bo s1']);
      expect(await texts('s2', ANA)).toEqual(['ana s2']);
      expect(await texts('s2', BO)).toEqual([]);
    });

    it('gives at most `limit` notices, the oldest', async () => {
      for (const text of ['1', '2', '3', '4']) await store.add('s1', ANA, text);
      expect(await texts('s1', ANA, 2)).toEqual(['1', '2']);
      expect(await texts('s1', ANA, 1)).toEqual(['1']);
    });

    it('gives back the text byte for byte, with its id and when it was kept', async () => {
      const text = 'schema\n{"words":["Tax bands — frozen"],"quote":"« Ça » 税 🧾\\t\\u0000"}\r\n';
      const before = Date.now();
      const id = await store.add('s1', ANA, text);
      const [notice, ...rest] = await store.pending('s1', ANA, 10);
      expect(rest).toEqual([]);
      expect(notice).toEqual({ id, notice: text, createdAt: expect.any(String) });
      expect(new Date(notice!.createdAt).toISOString()).toBe(notice!.createdAt);
      const keptAt = Date.parse(notice!.createdAt);
      expect(keptAt).toBeGreaterThanOrEqual(before - 1_000);
      expect(keptAt).toBeLessThanOrEqual(Date.now() + 1_000);
    });

    it("forgets the notices one account's browser names of one story, only those, and says how many", async () => {
      const first = await store.add('s1', ANA, 'first');
      const second = await store.add('s1', ANA, 'second');
      const third = await store.add('s1', ANA, 'third');
      await store.add('s1', BO, 'bo s1');
      await store.add('s2', ANA, 'ana s2');
      // The browser has the first and the third (the second was stored late, after its list).
      expect(await store.delivered('s1', ANA, [first, third])).toBe(2);
      expect(await store.delivered('s1', ANA, [first, third])).toBe(0);
      expect(await store.pending('s1', ANA, 10)).toEqual([{ id: second, notice: 'second', createdAt: expect.any(String) }]);
      expect(await texts('s1', BO)).toEqual(['bo s1']);
      expect(await texts('s2', ANA)).toEqual(['ana s2']);
      expect(await store.delivered('s1', ANA, [])).toBe(0);
    });

    it('forgets only the notices of the account that has them', async () => {
      const id = await store.add('s1', ANA, 'ana');
      expect(await store.delivered('s1', BO, [id])).toBe(0);
      expect(await store.delivered('s2', ANA, [id])).toBe(0);
      expect(await texts('s1', ANA)).toEqual(['ana']);
    });

    it('keeps at most the latest MAX_NOTICES_PER_WRITER notices of a writer on a story', async () => {
      for (let i = 0; i < MAX_NOTICES_PER_WRITER + 5; i++) await store.add('s1', ANA, `n${i}`);
      await store.add('s1', BO, 'bo');
      const kept = await texts('s1', ANA, MAX_NOTICES_PER_WRITER * 2);
      expect(kept).toHaveLength(MAX_NOTICES_PER_WRITER);
      expect(kept[0]).toBe('n5');
      expect(kept.at(-1)).toBe(`n${MAX_NOTICES_PER_WRITER + 4}`);
      expect(await texts('s1', BO)).toEqual(['bo']);
    });

    it('forgets every notice kept before a time, and says how many', async () => {
      await store.add('s1', ANA, 'ana');
      await store.add('s2', BO, 'bo');
      expect(await store.expire(new Date(Date.now() - HOUR))).toBe(0);
      expect(await texts('s1', ANA)).toEqual(['ana']);
      expect(await store.expire(new Date(Date.now() + HOUR))).toBe(2);
      expect(await texts('s1', ANA)).toEqual([]);
      expect(await texts('s2', BO)).toEqual([]);
      expect(await store.expire(new Date(Date.now() + HOUR))).toBe(0);
    });
  });
}
