import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyCore } from './BusyCore.ts';
import { openStory } from './openStory.ts';
import { processCpuSeconds } from './procStats.ts';
import { ReferenceServer } from './ReferenceServer.ts';

describe('the reference server process', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await ReferenceServer.start();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('relays a client update to another client of the same room, not to other rooms', async () => {
    const [a, b] = await server.createStories(2);
    expect(a).not.toBe(b);
    const one = openStory(server.collabUrl, a!, { name: 'One', color: '#000000' }, null);
    const two = openStory(server.collabUrl, a!, { name: 'Two', color: '#000000' }, null);
    const other = openStory(server.collabUrl, b!, { name: 'Other', color: '#000000' }, null);
    try {
      await Promise.all([one.synced, two.synced, other.synced]);
      const arrived = new Promise<string>((resolve) => two.doc.getText('t').observe((e) => resolve(e.target.toString())));
      one.doc.getText('t').insert(0, 'hello');
      expect(await arrived).toBe('hello');
      await new Promise((r) => setTimeout(r, 100));
      expect(other.doc.getText('t').toString()).toBe('');
      expect(Y.encodeStateVector(other.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    } finally {
      one.destroy();
      two.destroy();
      other.destroy();
    }
  });

  it('answers the heap question over IPC after a full GC, and its /proc figures move', async () => {
    const heap = await server.process.heapUsed();
    expect(heap).toBeGreaterThan(1_000_000);
    expect(heap).toBeLessThan(500_000_000);
    expect(server.process.peakRss()).toBeGreaterThan(heap);
    expect(server.process.cpuSeconds()).toBeGreaterThan(0);
    expect(server.process.diskBytes('wchar')).toBeGreaterThan(0);
  });
});

describe('BusyCore', () => {
  it('keeps a core busy until stopped', async () => {
    const busy = BusyCore.start(10_000);
    try {
      // On a loaded machine the spinner gets less than a core: wait for it, within reason.
      const end = Date.now() + 5_000;
      while (processCpuSeconds(busy.pid) < 0.1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(processCpuSeconds(busy.pid)).toBeGreaterThanOrEqual(0.1);
    } finally {
      await busy.stop();
    }
  });
});
