import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleStore } from './PublicationStore.ts';

/** What a ScheduleStore implementation gives the contract suite. */
export interface ScheduleStoreHarness {
  store: ScheduleStore;
  /** Makes `articleId` a story that may be scheduled (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  close(): void | Promise<void>;
}

/** Runs the ScheduleStore contract against any implementation; every backend must pass it. */
export function scheduleStoreContract(name: string, createHarness: () => ScheduleStoreHarness | Promise<ScheduleStoreHarness>): void {
  describe(`ScheduleStore contract: ${name}`, () => {
    let harness: ScheduleStoreHarness;
    let schedule: ScheduleStore;

    beforeEach(async () => {
      harness = await createHarness();
      schedule = harness.store;
      for (const id of ['a', 'b', 'story-b', 'story-a', 'Story-c']) await harness.ensureArticle(id);
    });
    afterEach(() => harness.close());

    it('finds due schedules and clears them when done or failed', async () => {
      await schedule.set({ articleId: 'a', publishAt: '2024-05-01T12:00:00.000Z', embargoUntil: null, setBy: 'ed', updatedAt: '2024-05-01T08:00:00.000Z' });
      await schedule.set({
        articleId: 'b',
        publishAt: '2024-05-01T09:00:00.000Z',
        embargoUntil: '2024-05-02T00:00:00.000Z',
        setBy: 'ed',
        updatedAt: '2024-05-01T08:00:00.000Z',
      });
      expect(await schedule.nextPublishAt()).toBe('2024-05-01T09:00:00.000Z');
      expect((await schedule.due('2024-05-01T10:00:00.000Z')).map((s) => s.articleId)).toEqual(['b']);
      expect((await schedule.due('2024-05-01T12:00:00.000Z')).map((s) => s.articleId)).toEqual(['b', 'a']);
      await schedule.finish('b', 'READ MORE points to an unpublished story', '2024-05-01T12:00:01.000Z');
      expect(await schedule.get('b')).toEqual({
        articleId: 'b',
        publishAt: null,
        embargoUntil: '2024-05-02T00:00:00.000Z',
        setBy: 'ed',
        updatedAt: '2024-05-01T12:00:01.000Z',
        lastError: 'READ MORE points to an unpublished story',
      });
      expect(await schedule.nextPublishAt()).toBe('2024-05-01T12:00:00.000Z');
      await schedule.finish('a', null, '2024-05-01T12:00:02.000Z');
      expect(await schedule.get('a')).toMatchObject({ publishAt: null, lastError: null, updatedAt: '2024-05-01T12:00:02.000Z' });
      expect(await schedule.nextPublishAt()).toBeNull();
      expect(await schedule.due('2030-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('has nothing for a story never scheduled, and finishing it changes nothing', async () => {
      expect(await schedule.get('a')).toBeNull();
      await schedule.finish('a', 'nothing to finish', '2024-05-01T12:00:00.000Z');
      expect(await schedule.get('a')).toBeNull();
      expect(await schedule.nextPublishAt()).toBeNull();
      expect(await schedule.due('2030-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('setting again replaces the schedule and forgets the last error', async () => {
      await schedule.set({ articleId: 'a', publishAt: '2024-05-01T09:00:00.000Z', embargoUntil: null, setBy: 'ed', updatedAt: '2024-05-01T08:00:00.000Z' });
      await schedule.finish('a', 'refused', '2024-05-01T09:00:00.000Z');
      const replaced = { articleId: 'a', publishAt: null, embargoUntil: '2024-05-03T00:00:00.000Z', setBy: 'chief', updatedAt: '2024-05-01T10:00:00.000Z' };
      await schedule.set(replaced);
      expect(await schedule.get('a')).toEqual({ ...replaced, lastError: null });
      // An embargo alone is never due.
      expect(await schedule.due('2030-01-01T00:00:00.000Z')).toEqual([]);
      expect(await schedule.nextPublishAt()).toBeNull();
    });

    it('orders due schedules by time, then by story id byte for byte', async () => {
      const at = '2024-05-01T09:00:00.000Z';
      for (const articleId of ['story-b', 'story-a', 'Story-c']) {
        await schedule.set({ articleId, publishAt: at, embargoUntil: null, setBy: 'ed', updatedAt: '2024-05-01T08:00:00.000Z' });
      }
      await schedule.set({ articleId: 'a', publishAt: '2024-05-01T08:59:59.999Z', embargoUntil: null, setBy: 'ed', updatedAt: '2024-05-01T08:00:00.000Z' });
      expect((await schedule.due(at)).map((s) => s.articleId)).toEqual(['a', 'Story-c', 'story-a', 'story-b']);
      expect((await schedule.due('2024-05-01T08:59:59.998Z')).map((s) => s.articleId)).toEqual([]);
    });
  });
}
