import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SectionExistsError, type SectionStore } from './SectionStore.ts';

/** What a SectionStore implementation gives the contract suite. */
export interface SectionStoreHarness {
  store: SectionStore;
  close(): void | Promise<void>;
}

const t0 = '2025-03-01T12:00:00.000Z';
const t1 = '2025-03-01T12:05:00.000Z';

/** Runs the SectionStore contract against any implementation; every backend must pass it. */
export function sectionStoreContract(name: string, createHarness: () => SectionStoreHarness | Promise<SectionStoreHarness>): void {
  describe(`SectionStore contract: ${name}`, () => {
    let harness: SectionStoreHarness;
    let sections: SectionStore;

    beforeEach(async () => {
      harness = await createHarness();
      sections = harness.store;
    });
    afterEach(async () => {
      await harness.close();
    });

    it('starts empty, adds sections and lists them by name whatever their case', async () => {
      expect(await sections.list()).toEqual([]);
      const world = await sections.add('World', t0);
      expect(world).toEqual({ id: expect.any(Number), name: 'World', createdAt: t0 });
      await sections.add('business', t1);
      await sections.add('Ärzte & Health', t1);
      expect((await sections.list()).map((s) => s.name)).toEqual(['business', 'World', 'Ärzte & Health']);
      expect((await sections.list()).find((s) => s.name === 'World')).toEqual(world);
    });

    it('refuses a name another section has, compared case-insensitively, on add and rename', async () => {
      await sections.add('World', t0);
      const sport = await sections.add('Sport', t0);
      await expect(sections.add('world', t1)).rejects.toBeInstanceOf(SectionExistsError);
      await expect(sections.add('ÄRZTE', t1)).resolves.toMatchObject({ name: 'ÄRZTE' });
      await expect(sections.add('ärzte', t1)).rejects.toBeInstanceOf(SectionExistsError);
      await expect(sections.rename(sport.id, 'WORLD')).rejects.toBeInstanceOf(SectionExistsError);
      expect((await sections.list()).map((s) => s.name)).toEqual(['Sport', 'World', 'ÄRZTE']);
    });

    it('renames a section in place, its own case change included, and answers null for an unknown id', async () => {
      const world = await sections.add('World', t0);
      expect(await sections.rename(world.id, 'WORLD')).toEqual({ ...world, name: 'WORLD' });
      expect(await sections.rename(world.id, 'International')).toEqual({ ...world, name: 'International' });
      expect(await sections.rename(world.id + 1000, 'Nowhere')).toBeNull();
      expect(await sections.list()).toEqual([{ ...world, name: 'International' }]);
      // The old name is free again.
      await expect(sections.add('World', t1)).resolves.toMatchObject({ name: 'World' });
    });

    it('keeps whether the desk wants sections from the list only, off at first', async () => {
      expect(await sections.listOnly()).toBe(false);
      await sections.setListOnly(true);
      expect(await sections.listOnly()).toBe(true);
      await sections.setListOnly(true);
      expect(await sections.listOnly()).toBe(true);
      await sections.setListOnly(false);
      expect(await sections.listOnly()).toBe(false);
    });

    it('removes a section once, and its name can be added again', async () => {
      const world = await sections.add('World', t0);
      expect(await sections.remove(world.id)).toBe(true);
      expect(await sections.remove(world.id)).toBe(false);
      expect(await sections.list()).toEqual([]);
      const again = await sections.add('World', t1);
      expect(again.id).not.toBe(world.id);
    });
  });
}
