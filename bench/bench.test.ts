import { describe, expect, it } from 'vitest';
import { countWords } from '../shared/article/countWords.ts';
import { DEFAULT_ARGS, parseArgs } from './args.ts';
import { largeStoryParagraphs } from './largeStory.ts';
import { parseMachineBusySeconds, parseProcCpuSeconds, parseStatusBytes, processCpuSeconds, processMainThreadCpuSeconds, processPeakRss } from './procStats.ts';
import { table } from './report.ts';
import { converged } from './converged.ts';

describe('largeStoryParagraphs', () => {
  it('cuts exactly the requested number of words from the sources, repeating them', () => {
    const paragraphs = largeStoryParagraphs(25, ['One two three.\n\nFour five, six seven.\n', 'Eight — nine ten.']);
    expect(countWords(paragraphs.join('\n'))).toBe(25);
    expect(paragraphs.slice(0, 3)).toEqual(['One two three.', 'Four five, six seven.', 'Eight — nine ten.']);
    expect(paragraphs.every((p) => countWords(p) > 0)).toBe(true);
    expect(() => largeStoryParagraphs(10, ['  \n'])).toThrow(RangeError);
  });
});

describe('process statistics', () => {
  it('reads CPU time after a command name that holds spaces and parentheses', () => {
    const stat = '42 (node (bench) x) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 1 0 0';
    expect(parseProcCpuSeconds(stat, 100)).toBe(3);
    expect(parseStatusBytes('Name:\tnode\nVmHWM:\t  2048 kB\nVmRSS:\t1024 kB\n', 'VmHWM')).toBe(2048 * 1024);
    expect(() => parseStatusBytes('Name:\tnode\n', 'VmHWM')).toThrow(RangeError);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
    expect(parseMachineBusySeconds('cpu  100 5 50 1000 20 3 2 0 0 0\ncpu0 1 2 3', 100)).toBe(1.6);
    expect(() => parseMachineBusySeconds('intr 1 2', 100)).toThrow(RangeError);
  });

  it('measures this very process', () => {
    const before = processCpuSeconds(process.pid);
    const end = Date.now() + 150;
    while (Date.now() < end); // burn CPU so the counter must move
    expect(processCpuSeconds(process.pid)).toBeGreaterThan(before);
    expect(processPeakRss(process.pid)).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.5);
  });

  it('tells the main thread from the process: burning on the main thread moves both, and the thread never exceeds the process', () => {
    const mainBefore = processMainThreadCpuSeconds(process.pid);
    const end = Date.now() + 150;
    while (Date.now() < end); // burn CPU on this, the main thread
    const main = processMainThreadCpuSeconds(process.pid);
    expect(main).toBeGreaterThan(mainBefore);
    expect(main).toBeLessThanOrEqual(processCpuSeconds(process.pid));
  });
});

describe('bench arguments and report', () => {
  it('parses flags and rejects unknown ones', () => {
    expect(parseArgs([])).toEqual(DEFAULT_ARGS);
    const args = parseArgs(['--scenario', '1x20,load', '--duration=5', '--rate', '10']);
    expect(args.scenarios).toEqual(['1x20', 'load']);
    expect(args.durationSeconds).toBe(5);
    expect(args.rate).toBe(10);
    expect(() => parseArgs(['--scenario', '3x3'])).toThrow(RangeError);
    expect(() => parseArgs(['--duration', '-1'])).toThrow(RangeError);
    expect(() => parseArgs(['--nope', '1'])).toThrow(RangeError);
  });

  it('parses the side-by-side options: reps, servers, switches and the server command', () => {
    expect(DEFAULT_ARGS.servers).toEqual(['copydesk', 'reference']);
    expect(DEFAULT_ARGS.reps).toBe(2);
    const args = parseArgs(['--scenario', '20x10,200x2', '--reps', '3', '--servers', 'reference', '--busy', '--cpu-prof']);
    expect(args).toMatchObject({ scenarios: ['20x10', '200x2'], reps: 3, servers: ['reference'], busy: true, cpuProf: true, rate: null });
    expect(parseArgs(['--servers', 'both']).servers).toEqual(['copydesk', 'reference']);
    expect(parseArgs(['--server', 'node build/server/index.js']).serverCommand).toBe('node build/server/index.js');
    expect(parseArgs([], { COPYDESK_BENCH_SERVER: 'node build/server/index.js' }).serverCommand).toBe('node build/server/index.js');
    expect(parseArgs(['--server=node x.js'], { COPYDESK_BENCH_SERVER: 'node y.js' }).serverCommand).toBe('node x.js');
    expect(() => parseArgs(['--servers', 'hocuspocus'])).toThrow(RangeError);
    expect(() => parseArgs(['--busy=yes'])).toThrow(RangeError);
  });

  it('aligns table columns', () => {
    expect(table(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
  });

  it('tells converged stories from diverged ones', () => {
    expect(converged([{ storyId: 'a', xml: '<p>x</p>' }, { storyId: 'a', xml: '<p>x</p>' }, { storyId: 'b', xml: '' }])).toBe(true);
    expect(converged([{ storyId: 'a', xml: '<p>x</p>' }, { storyId: 'a', xml: '<p>y</p>' }])).toBe(false);
  });
});
