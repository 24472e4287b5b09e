import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorshipStore, ChangeRange } from './AuthorshipStore.ts';

/** What an AuthorshipStore implementation gives the contract suite. */
export interface AuthorshipStoreHarness {
  store: AuthorshipStore;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

const range = (clientId: number, from: number, to: number, extra: Partial<ChangeRange> = {}): ChangeRange => ({
  clientId,
  from,
  to,
  kind: 'import',
  by: 'ana',
  detail: null,
  ...extra,
});

/** Runs the AuthorshipStore contract against any implementation; every backend must pass it. */
export function authorshipStoreContract(name: string, createHarness: () => AuthorshipStoreHarness | Promise<AuthorshipStoreHarness>): void {
  describe(`AuthorshipStore contract: ${name}`, () => {
    let harness: AuthorshipStoreHarness;
    let store: AuthorshipStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterEach(() => harness.close());

    it('knows nothing of a story nobody wrote', async () => {
      expect(await store.load('s1')).toEqual({ writers: [], ranges: [] });
    });

    it('records writers and ranges of several stories in one call, each story apart', async () => {
      await store.recordAll([
        { articleId: 's1', writers: [{ clientId: 7, username: 'ana' }, { clientId: 3, username: 'bo' }], ranges: [] },
        { articleId: 's2', writers: [{ clientId: 7, username: 'ed' }], ranges: [range(99, 0, 40)] },
      ]);
      expect(await store.load('s1')).toEqual({
        writers: [
          { clientId: 3, username: 'bo' },
          { clientId: 7, username: 'ana' },
        ],
        ranges: [],
      });
      expect(await store.load('s2')).toEqual({ writers: [{ clientId: 7, username: 'ed' }], ranges: [range(99, 0, 40)] });
    });

    it('keeps the first writer of a client id and ignores a range recorded again (a retried commit)', async () => {
      await store.recordAll([{ articleId: 's1', writers: [{ clientId: 5, username: 'ana' }], ranges: [range(1, 0, 10)] }]);
      await store.recordAll([{ articleId: 's1', writers: [{ clientId: 5, username: 'bo' }], ranges: [range(1, 0, 10)] }]);
      expect(await store.load('s1')).toEqual({ writers: [{ clientId: 5, username: 'ana' }], ranges: [range(1, 0, 10)] });
    });

    it('keeps every range of a client, ordered by clock, with its kind, account and detail', async () => {
      const restore = range(1, 10, 25, { kind: 'restore', by: 'ed', detail: '3' });
      const refused = range(1, 25, 26, { kind: 'refused_undo', by: null, detail: 'a refused change by bo' });
      const accepted = range(5, 0, 12, { kind: 'accepted_suggestion', by: 'ed', detail: 'sug-1' });
      await store.recordAll([{ articleId: 's1', writers: [], ranges: [refused, accepted, restore, range(1, 0, 10)] }]);
      expect((await store.load('s1')).ranges).toEqual([range(1, 0, 10), restore, refused, accepted]);
    });

    it('holds the largest Yjs client id and long clocks', async () => {
      const big = 2 ** 32 - 1;
      await store.recordAll([{ articleId: 's1', writers: [{ clientId: big, username: 'ana' }], ranges: [range(big, 2 ** 31, 2 ** 31 + 5)] }]);
      expect(await store.load('s1')).toEqual({ writers: [{ clientId: big, username: 'ana' }], ranges: [range(big, 2 ** 31, 2 ** 31 + 5)] });
    });

    it('stores nothing of a call that fails', async () => {
      const broken = { clientId: 2, username: null as unknown as string };
      await expect(
        store.recordAll([
          { articleId: 's1', writers: [{ clientId: 1, username: 'ana' }], ranges: [range(9, 0, 3)] },
          { articleId: 's2', writers: [broken], ranges: [] },
        ]),
      ).rejects.toThrow();
      expect(await store.load('s1')).toEqual({ writers: [], ranges: [] });
    });

    it('takes an empty call', async () => {
      await store.recordAll([]);
      await store.recordAll([{ articleId: 's1', writers: [], ranges: [] }]);
      expect(await store.load('s1')).toEqual({ writers: [], ranges: [] });
    });
  });
}
