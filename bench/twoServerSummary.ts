import type { TargetKind } from './BenchTarget.ts';
import { COMPARED, median, ratio, summarizeReps, type ComparedMetrics } from './compare.ts';
import { comparedMetrics } from './report.ts';
import type { TypingScenarioResult } from './typingScenario.ts';

/** Latency percentiles in ms, medians over reps. */
export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
  /** Samples of one rep, median over reps. */
  count: number;
}

/** What the two-server runs of a scenario measured, against the one-server runs of the same reps. */
export interface TwoServerSummary {
  /** Medians over reps of the two-server figures (CPU: both servers together). */
  twoServers: ComparedMetrics;
  /** Two servers ÷ the reference alone, within each rep, then the median; null without reference runs. */
  vsReference: ComparedMetrics | null;
  /** Two servers ÷ Copydesk alone on SQLite, within each rep, then the median; null without such runs. */
  vsCopydesk: ComparedMetrics | null;
  /** Fan-out between writers on one server and between writers on different servers. */
  sameServer: LatencyPercentiles;
  acrossServers: LatencyPercentiles;
  /** Each server's CPU (% of one core) and peak RSS (MiB), medians over reps. */
  servers: { cpuPercent: number; peakRssMiB: number }[];
  /** CPU of what the servers share (PostgreSQL, Redis), not in `twoServers.cpuMsPerKey`; NaN where /proc could not tell. */
  services: { name: string; cpuMsPerKey: number; cpuPercent: number }[];
  /** CPU per keystroke of the servers and what they share together, and that ÷ each one-server run (within each rep, then the median). */
  withServices: { cpuMsPerKey: number; vsReference: number; vsCopydesk: number };
}

type Run = TypingScenarioResult & { rep: number };

/** CPU per keystroke of a run, the shared services' included (a service /proc could not read makes it NaN). */
function cpuWithServices(run: TypingScenarioResult): number {
  return run.serverCpuMsPerKeystroke + (run.services ?? []).reduce((n, s) => n + s.cpuMsPerKeystroke, 0);
}

function medians(metrics: readonly ComparedMetrics[]): ComparedMetrics {
  return Object.fromEntries(COMPARED.map((key) => [key, median(metrics.map((m) => m[key]))])) as unknown as ComparedMetrics;
}

function percentiles(runs: readonly Run[], pick: (r: Run) => TypingScenarioResult['fanOutLatencyMs'] | undefined): LatencyPercentiles {
  const m = (f: (l: TypingScenarioResult['fanOutLatencyMs']) => number) => median(runs.map((r) => (pick(r) ? f(pick(r)!) : Number.NaN)));
  return { p50: m((l) => l.p50), p95: m((l) => l.p95), p99: m((l) => l.p99), count: m((l) => l.count) };
}

/**
 * Sums up the `copydesk-2srv` runs of a scenario against the reference and Copydesk alone of
 * the same reps; null when no two-server run is among `runs`.
 */
export function summarizeTwoServers(runs: readonly Run[]): TwoServerSummary | null {
  const pairs = runs.filter((r) => r.server === 'copydesk-2srv');
  if (pairs.length === 0) return null;
  const sameRep = (rep: number, kind: TargetKind) => runs.find((r) => r.rep === rep && r.server === kind);
  const against = (kind: TargetKind) =>
    pairs.flatMap((two) => {
      const one = sameRep(two.rep, kind);
      return one ? [{ two, one }] : [];
    });
  const ratios = (kind: TargetKind): ComparedMetrics | null => {
    const reps = against(kind);
    if (reps.length === 0) return null;
    return summarizeReps(reps.map(({ two, one }) => ({ copydesk: comparedMetrics(two), reference: comparedMetrics(one) }))).ratio;
  };
  const totalRatio = (kind: TargetKind) => median(against(kind).map(({ two, one }) => ratio(cpuWithServices(two), one.serverCpuMsPerKeystroke)));
  const serverCount = Math.max(...pairs.map((r) => r.servers?.length ?? 0));
  const serviceNames = [...new Set(pairs.flatMap((r) => (r.services ?? []).map((s) => s.name)))];
  const service = (r: Run, name: string) => r.services?.find((s) => s.name === name);
  return {
    twoServers: medians(pairs.map(comparedMetrics)),
    vsReference: ratios('reference'),
    vsCopydesk: ratios('copydesk'),
    sameServer: percentiles(pairs, (r) => r.sameServerLatencyMs),
    acrossServers: percentiles(pairs, (r) => r.acrossServersLatencyMs),
    servers: Array.from({ length: serverCount }, (_, i) => ({
      cpuPercent: median(pairs.map((r) => r.servers?.[i]?.cpuPercent ?? Number.NaN)),
      peakRssMiB: median(pairs.map((r) => r.servers?.[i]?.peakRssMiB ?? Number.NaN)),
    })),
    services: serviceNames.map((name) => ({
      name,
      cpuMsPerKey: median(pairs.map((r) => service(r, name)?.cpuMsPerKeystroke ?? Number.NaN)),
      cpuPercent: median(pairs.map((r) => service(r, name)?.cpuPercent ?? Number.NaN)),
    })),
    withServices: {
      cpuMsPerKey: median(pairs.map(cpuWithServices)),
      vsReference: totalRatio('reference'),
      vsCopydesk: totalRatio('copydesk'),
    },
  };
}
