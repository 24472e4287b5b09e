import { describe, expect, it } from 'vitest';
import { mainThreadProfile, selfTimeByModule, selfTimes, type CpuProfile } from './cpuProfile.ts';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

/** A profile of 5 samples: root, idle, a server function twice, a yjs function. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', '') },
    { id: 2, callFrame: frame('(idle)', '') },
    { id: 3, callFrame: frame('apply', 'file:///repo/server/collab/CollabDocument.ts', 9) },
    { id: 4, callFrame: frame('readUpdate', 'file:///repo/node_modules/yjs/dist/yjs.mjs', 99) },
    // The same function reached through another call path: one entry.
    { id: 5, callFrame: frame('apply', 'file:///repo/server/collab/CollabDocument.ts', 9) },
    { id: 6, callFrame: frame('', 'node:internal/streams/writable', 1) },
  ],
  startTime: 1_000,
  // Samples at 2000, 3000, 6000, 7000, 8000, 9000; the profile ends at 10000 µs.
  timeDeltas: [1_000, 1_000, 3_000, 1_000, 1_000, 1_000],
  samples: [2, 3, 4, 5, 6, 2],
  endTime: 10_000,
};

describe('selfTimes', () => {
  it('sums self time per function and script, each sample lasting until the next', () => {
    const times = selfTimes(PROFILE, '/repo');
    expect(times.map((t) => [t.functionName, t.url, t.line, t.selfMs])).toEqual([
      ['apply', 'server/collab/CollabDocument.ts', 10, 4],
      ['(idle)', '', 0, 2],
      ['readUpdate', 'node_modules/yjs/dist/yjs.mjs', 100, 1],
      ['(anonymous)', 'node:internal/streams/writable', 2, 1],
    ]);
    // Busy time leaves idle out: 4 + 1 + 1 ms.
    expect(times[0]!.percent).toBeCloseTo((4 / 6) * 100);
    expect(times[1]!.percent).toBe(0);
  });

  it('counts only the samples taken within a window', () => {
    // The samples at 3000 (apply, 3 ms), 6000 (readUpdate, 1 ms) and 7000 (apply, 1 ms).
    const times = selfTimes(PROFILE, '/repo', [3_000, 7_000]);
    expect(times.map((t) => [t.functionName, t.selfMs])).toEqual([
      ['apply', 4],
      ['readUpdate', 1],
    ]);
  });

  it('reads the clock the profiles use', async () => {
    const { profileClockMicros } = await import('./cpuProfile.ts');
    const a = profileClockMicros();
    await new Promise((r) => setTimeout(r, 20));
    expect(profileClockMicros() - a).toBeGreaterThanOrEqual(15_000);
  });

  it('groups self time by package or folder', () => {
    expect(selfTimeByModule(selfTimes(PROFILE, '/repo')).map((m) => [m.module, m.selfMs])).toEqual([
      ['server/collab', 4],
      ['yjs', 1],
      ['node:internal', 1],
    ]);
  });
});

describe('mainThreadProfile', () => {
  it("picks the main thread's file, not a worker's (tsx's module hooks run in one)", () => {
    const files = ['CPU.20261205.233920.4242.1.002.cpuprofile', 'CPU.20261205.233920.4242.0.001.cpuprofile', 'notes.txt'];
    expect(mainThreadProfile(files)).toBe('CPU.20261205.233920.4242.0.001.cpuprofile');
    expect(mainThreadProfile(['CPU.20261205.233920.4242.1.002.cpuprofile'])).toBeNull();
  });
});
