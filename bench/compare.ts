/** The figures compared between Copydesk and the reference server, per scenario. */
export interface ComparedMetrics {
  p50: number;
  p95: number;
  p99: number;
  /** Server CPU time per keystroke, ms. */
  cpuMsPerKey: number;
  /** Peak resident memory (VmHWM), MiB. */
  peakRssMiB: number;
  /** Bytes written to disk per keystroke (/proc/<pid>/io). */
  diskBytesPerKey: number;
  /** Heap per story once its last client left and the server had time to unload it, KiB. */
  heapKiBPerIdleStory: number;
}

export const COMPARED: readonly (keyof ComparedMetrics)[] = [
  'p50',
  'p95',
  'p99',
  'cpuMsPerKey',
  'peakRssMiB',
  'diskBytesPerKey',
  'heapKiBPerIdleStory',
];

/** Median of `values` (mean of the middle two for an even count); NaN values are left out, NaN when none is left. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Copydesk ÷ reference. NaN when it means nothing: a missing figure, or a reference figure of
 * 0 or less (the reference writes nothing to disk; it may free more heap than it had at the start).
 */
export function ratio(copydesk: number, reference: number): number {
  if (!Number.isFinite(copydesk) || !Number.isFinite(reference) || reference <= 0) return Number.NaN;
  return copydesk / reference;
}

/** One repetition: both servers measured under the same load, one after the other. */
export interface RepMetrics {
  copydesk: ComparedMetrics;
  reference: ComparedMetrics;
}

/** Medians over the repetitions: each server's figures, and the ratio taken within each rep. */
export interface ComparedSummary {
  copydesk: ComparedMetrics;
  reference: ComparedMetrics;
  ratio: ComparedMetrics;
}

/** Medians of each server's figures and of the per-rep ratios Copydesk ÷ reference. */
export function summarizeReps(reps: readonly RepMetrics[]): ComparedSummary {
  const pick = (f: (rep: RepMetrics, key: keyof ComparedMetrics) => number) =>
    Object.fromEntries(COMPARED.map((key) => [key, median(reps.map((rep) => f(rep, key)))])) as unknown as ComparedMetrics;
  return {
    copydesk: pick((rep, key) => rep.copydesk[key]),
    reference: pick((rep, key) => rep.reference[key]),
    ratio: pick((rep, key) => ratio(rep.copydesk[key], rep.reference[key])),
  };
}

/** One target of the issue, checked against a run. */
export interface TargetCheck {
  target: string;
  value: number;
  limit: number;
  met: boolean;
}

/** Scenarios whose p50, p95 and CPU ratios must stay at or below 1. */
const HEADLINE = new Set(['20x10', '200x2']);

/**
 * The targets for one scenario: ratios p50, p95, CPU ≤ 1.0 (20x10 and 200x2), p99 ≤ 1.2,
 * peak RSS ≤ 1.3; absolute disk ≤ 2 KB per keystroke and heap ≤ 5 KiB per idle story; with
 * a busy core, p95 ≤ 1.5 instead. A NaN figure never meets its target.
 */
export function checkTargets(scenario: string, busy: boolean, summary: ComparedSummary): TargetCheck[] {
  const check = (target: string, value: number, limit: number): TargetCheck => ({ target, value, limit, met: value <= limit });
  const r = summary.ratio;
  const checks: TargetCheck[] = [];
  if (busy) {
    checks.push(check('p95 ratio, one core busy', r.p95, 1.5));
  } else {
    if (HEADLINE.has(scenario)) {
      checks.push(check('p50 ratio', r.p50, 1), check('p95 ratio', r.p95, 1), check('CPU/key ratio', r.cpuMsPerKey, 1));
    }
    checks.push(check('p99 ratio', r.p99, 1.2), check('peak RSS ratio', r.peakRssMiB, 1.3));
  }
  checks.push(
    check('disk bytes per keystroke', summary.copydesk.diskBytesPerKey, 2000),
    check('heap KiB per idle story', summary.copydesk.heapKiBPerIdleStory, 5),
  );
  return checks;
}

/**
 * The order the servers run in repetition `rep` (0-based): the list as given, then rotated by
 * one for each rep, so neither server always runs first on a machine that warms up or cools down.
 */
export function orderForRep<T>(servers: readonly T[], rep: number): T[] {
  if (servers.length === 0) return [];
  const shift = rep % servers.length;
  return [...servers.slice(shift), ...servers.slice(0, shift)];
}
