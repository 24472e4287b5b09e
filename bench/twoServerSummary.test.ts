import { describe, expect, it } from 'vitest';
import { parseArgs, SCENARIOS, TYPING } from './args.ts';
import type { TargetKind } from './BenchTarget.ts';
import { serverOf } from './BenchWriter.ts';
import { formatComparison, type TypingComparison } from './report.ts';
import { summarizeTwoServers } from './twoServerSummary.ts';
import type { TypingScenarioResult } from './typingScenario.ts';
import { writerServer } from './writerServer.ts';

const latency = (p50: number, count = 100) => ({ count, mean: p50, p50, p95: p50 * 3, p99: p50 * 5, max: p50 * 10 });

function run(server: TargetKind, rep: number, over: Partial<TypingScenarioResult> = {}): TypingScenarioResult & { rep: number } {
  return {
    name: '20 stories × 10 writers',
    server,
    busy: false,
    stories: 20,
    writers: 200,
    durationSeconds: 20,
    rate: 2,
    processes: 2,
    keystrokesSent: 8000,
    deliveries: 72_000,
    expectedDeliveries: 72_000,
    fanOutLatencyMs: latency(1),
    serverCpuPercent: 30,
    serverCpuMsPerKeystroke: 1,
    serverMainThreadCpuMsPerKeystroke: 0.8,
    serverPeakRssMiB: 100,
    writersCpuPercent: 50,
    writersLoopDelayP99Ms: 5,
    otherCpuPercent: 1,
    loadAverage: [0.5, 1.5],
    listRequestMs: server === 'reference' ? Number.NaN : 3,
    diskBytesPerKeystroke: server === 'copydesk' ? 3000 : Number.NaN,
    diskCounter: 'write_bytes',
    typingWindowMicros: [0, 1],
    heapBeforeBytes: 0,
    heapAfterBytes: 20 * 1024 * 10,
    codeBeforeBytes: 0,
    codeAfterBytes: 0,
    heapKiBPerIdleStory: 10,
    heapWithCodeKiBPerIdleStory: 10,
    converged: true,
    closeCodes: [],
    rep,
    ...over,
  };
}

/** A two-server run: CPU of both servers, no one-server figures, latencies split, PostgreSQL and Redis apart. */
function pair(rep: number, p50: number, cpu: number, postgresCpu: number): TypingScenarioResult & { rep: number } {
  return run('copydesk-2srv', rep, {
    fanOutLatencyMs: latency(p50),
    serverCpuMsPerKeystroke: cpu,
    serverPeakRssMiB: Number.NaN,
    diskBytesPerKeystroke: Number.NaN,
    heapBeforeBytes: Number.NaN,
    heapAfterBytes: Number.NaN,
    codeBeforeBytes: Number.NaN,
    codeAfterBytes: Number.NaN,
    heapKiBPerIdleStory: Number.NaN,
    heapWithCodeKiBPerIdleStory: Number.NaN,
    servers: [
      { cpuPercent: 20, peakRssMiB: 150 },
      { cpuPercent: 22, peakRssMiB: 140 + rep },
    ],
    sameServerLatencyMs: latency(p50 / 2, 40),
    acrossServersLatencyMs: latency(p50 * 2, 50),
    services: [
      { name: 'PostgreSQL', cpuPercent: 5, cpuMsPerKeystroke: postgresCpu },
      { name: 'Redis', cpuPercent: 1, cpuMsPerKeystroke: 0.1 },
    ],
  });
}

describe('the two-server scenario', () => {
  it('is a typing scenario of 20 stories × 10 writers at 2 keys/s on two Copydesk servers, the others on one', () => {
    expect(SCENARIOS).toContain('2srv-20x10');
    expect(TYPING['2srv-20x10']).toEqual({ stories: 20, writersPerStory: 10, rate: 2, copydeskServers: 2 });
    expect(TYPING['20x10'].copydeskServers).toBe(1);
    expect(parseArgs(['--scenario', '2srv-20x10']).scenarios).toEqual(['2srv-20x10']);
    expect(parseArgs(['--scenario', 'all']).scenarios).toContain('2srv-20x10');
  });

  it('deals the writers of a story to the servers in halves that both writer processes share', () => {
    const servers = Array.from({ length: 10 }, (_, w) => writerServer(w, 10, 2));
    expect(servers).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    // Writer processes take writers round-robin (even, odd): each server has writers in both.
    for (const server of [0, 1]) {
      const processes = new Set(servers.flatMap((s, w) => (s === server ? [w % 2] : [])));
      expect(processes).toEqual(new Set([0, 1]));
    }
    expect(Array.from({ length: 3 }, (_, w) => writerServer(w, 3, 2))).toEqual([0, 0, 1]);
    expect(Array.from({ length: 4 }, (_, w) => writerServer(w, 4, 1))).toEqual([0, 0, 0, 0]);
    expect(() => writerServer(10, 10, 2)).toThrow(RangeError);
  });

  it('tells from a keystroke stamp which server its sender was on', () => {
    expect(serverOf('1/2903948')).toBe(1);
    expect(serverOf('0/17')).toBe(0);
    expect(serverOf('2903948')).toBeUndefined();
  });
});

describe('summarizeTwoServers', () => {
  const runs = [
    run('reference', 0, { fanOutLatencyMs: latency(1), serverCpuMsPerKeystroke: 0.5 }),
    run('copydesk', 0, { fanOutLatencyMs: latency(2), serverCpuMsPerKeystroke: 0.8 }),
    pair(0, 4, 1.6, 0.3),
    // Rep 2 on a slower machine: every figure doubles, the ratios stay.
    run('copydesk', 1, { fanOutLatencyMs: latency(4), serverCpuMsPerKeystroke: 1.6 }),
    pair(1, 8, 3.2, 0.5),
    run('reference', 1, { fanOutLatencyMs: latency(2), serverCpuMsPerKeystroke: 1 }),
  ];

  it('takes the ratios to the reference and to Copydesk alone within each rep, then the median', () => {
    const s = summarizeTwoServers(runs)!;
    expect(s.vsReference!.p50).toBe(4);
    expect(s.vsReference!.cpuMsPerKey).toBeCloseTo(3.2);
    expect(s.vsCopydesk!.p50).toBe(2);
    expect(s.vsCopydesk!.cpuMsPerKey).toBeCloseTo(2);
    expect(s.twoServers.p50).toBe(6);
    // Left out for two servers, and so are their ratios.
    for (const figures of [s.twoServers, s.vsReference!, s.vsCopydesk!]) {
      expect(figures.peakRssMiB).toBeNaN();
      expect(figures.diskBytesPerKey).toBeNaN();
      expect(figures.heapKiBPerIdleStory).toBeNaN();
    }
  });

  it('keeps the latencies on one server and across servers, each server, and PostgreSQL and Redis apart', () => {
    const s = summarizeTwoServers(runs)!;
    expect(s.sameServer).toEqual({ p50: 3, p95: 9, p99: 15, count: 40 });
    expect(s.acrossServers.p50).toBe(12);
    expect(s.servers).toEqual([
      { cpuPercent: 20, peakRssMiB: 150 },
      { cpuPercent: 22, peakRssMiB: 140.5 },
    ]);
    expect(s.services.map((v) => [v.name, v.cpuMsPerKey])).toEqual([
      ['PostgreSQL', 0.4],
      ['Redis', 0.1],
    ]);
    // Rep 1: (1.6 + 0.3 + 0.1) / 0.5 = 4; rep 2: (3.2 + 0.5 + 0.1) / 1 = 3.8.
    expect(s.withServices.cpuMsPerKey).toBeCloseTo(2.9);
    expect(s.withServices.vsReference).toBeCloseTo(3.9);
    expect(s.withServices.vsCopydesk).toBeCloseTo((2 / 0.8 + 3.8 / 1.6) / 2);
  });

  it('compares with what ran: nothing without a two-server run, no ratio without the other server', () => {
    expect(summarizeTwoServers(runs.filter((r) => r.server !== 'copydesk-2srv'))).toBeNull();
    const alone = summarizeTwoServers(runs.filter((r) => r.server !== 'reference'))!;
    expect(alone.vsReference).toBeNull();
    expect(alone.withServices.vsReference).toBeNaN();
    expect(alone.vsCopydesk!.p50).toBe(2);
  });

  it('gives no CPU total when /proc could not tell what PostgreSQL used', () => {
    const unreadable = pair(0, 4, 1.6, Number.NaN);
    const s = summarizeTwoServers([runs[0]!, unreadable])!;
    expect(s.services[0]!.cpuMsPerKey).toBeNaN();
    expect(s.withServices.cpuMsPerKey).toBeNaN();
    expect(s.vsReference!.cpuMsPerKey).toBeCloseTo(3.2);
  });
});

describe('the two-server table', () => {
  it('shows the three runs, three ratio rows and what the columns leave out', () => {
    const runs = [run('reference', 0), run('copydesk', 0, { fanOutLatencyMs: latency(2) }), pair(0, 4, 1.6, 0.3)];
    const comparison: TypingComparison = {
      scenario: '2srv-20x10',
      busy: false,
      runs,
      summary: null,
      targets: [],
      twoServers: summarizeTwoServers(runs),
    };
    const text = formatComparison(comparison);
    const rows = text.split('\n').map((line) => line.split(/\s{2,}/));
    const row = (label: string) => rows.find((cells) => cells[0] === label)!;
    expect(row('copydesk ×2').slice(4, 7)).toEqual(['4.0', '12.0', '20.0']);
    expect(row('copydesk ×2')[11]).toBe('-');
    expect(row('×2 ÷ reference').slice(1, 4)).toEqual(['4.00×', '4.00×', '4.00×']);
    expect(row('×2 ÷ copydesk').slice(1, 4)).toEqual(['2.00×', '2.00×', '2.00×']);
    expect(text).toContain('Left out: peak RSS (each server: 150 MiB / 140 MiB)');
    expect(text).toContain('between writers on one server: p50 2.0, p95 6.0, p99 10.0 ms (40 samples); across servers: p50 8.0');
    expect(text).toContain('PostgreSQL 0.300 ms/key (5% of a core), Redis 0.100 ms/key (1% of a core)');
  });

  it('compares the total CPU only with what ran', () => {
    const runs = [run('copydesk', 0), pair(0, 4, 1.6, 0.3)];
    const text = formatComparison({ scenario: '2srv-20x10', busy: false, runs, summary: null, targets: [], twoServers: summarizeTwoServers(runs) });
    expect(text).toContain('together: 2.000 ms/key, 2.00× copydesk alone');
    expect(text).not.toContain('the reference');
    expect(text).not.toContain('×2 ÷ reference');
  });

  it('leaves the one-server tables as they were', () => {
    const text = formatComparison({ scenario: '20x10', busy: false, runs: [run('reference', 0), run('copydesk', 0)], summary: null, targets: [] });
    expect(text.split('\n')[0]).toBe(
      '20 stories × 10 writers at 2 keys/s per writer (200 clients, 20 s): medians of 1 rep, fan-out latency in ms, ratio = Copydesk ÷ reference within each rep, then the median',
    );
    expect(text).not.toContain('×2');
  });
});
