import type { TypingScenarioName } from './args.ts';
import type { TargetKind } from './BenchTarget.ts';
import { median, type ComparedMetrics, type ComparedSummary, type TargetCheck } from './compare.ts';
import type { SelfTime } from './cpuProfile.ts';
import type { DiskCounter } from './diskBytes.ts';
import type { LoadTimeResult } from './loadTimeScenario.ts';
import type { TwoServerSummary } from './twoServerSummary.ts';
import type { TypingScenarioResult } from './typingScenario.ts';

/** One typing scenario measured on each server, `reps` times. */
export interface TypingComparison {
  scenario: TypingScenarioName;
  busy: boolean;
  /** Every run, in the order they ran, with its repetition. */
  runs: (TypingScenarioResult & { rep: number })[];
  /** Medians over the reps, and of the ratios within each rep; null unless both servers ran. */
  summary: ComparedSummary | null;
  targets: TargetCheck[];
  /** Only in scenarios that also run two Copydesk servers: those runs against the one-server runs of the same reps. */
  twoServers?: TwoServerSummary | null;
}

/** Where one server (Copydesk's, or the reference) spent its CPU in one profiled run. */
export interface CpuProfileSummary {
  scenario: string;
  server: TargetKind;
  file: string;
  busyMs: number;
  top: SelfTime[];
  byModule: { module: string; selfMs: number; percent: number }[];
}

/** Everything one `npm run bench` measured, as written to bench/results/latest.json. */
export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  settings: Record<string, unknown>;
  /** The /proc/<pid>/io counter used for disk bytes (write_bytes unless this machine does not account it). */
  diskCounter: DiskCounter;
  /** 1-minute load average when the bench started and when it ended. */
  loadAverage: [start: number, end: number];
  typing: TypingComparison[];
  load: LoadTimeResult | null;
  cpuProfiles: CpuProfileSummary[];
}

/** The figures of one run that are compared between the servers. */
export function comparedMetrics(t: TypingScenarioResult): ComparedMetrics {
  return {
    p50: t.fanOutLatencyMs.p50,
    p95: t.fanOutLatencyMs.p95,
    p99: t.fanOutLatencyMs.p99,
    cpuMsPerKey: t.serverCpuMsPerKeystroke,
    peakRssMiB: t.serverPeakRssMiB,
    diskBytesPerKey: t.diskBytesPerKeystroke,
    heapKiBPerIdleStory: t.heapKiBPerIdleStory,
  };
}

/** Renders rows as a plain-text table with aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
const fixed = (v: number, digits: number, unit = '') => (Number.isFinite(v) ? `${v.toFixed(digits)}${unit}` : '-');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '-');

const TYPING_HEADER = [
  'server', 'keys sent', 'delivered', 'converged', 'p50', 'p95', 'p99', 'max', 'CPU/key', 'of it main thread', 'server CPU', 'peak RSS',
  'disk/key', 'heap/idle story (with code)', 'writers CPU', 'writer lag p99', 'list', 'other CPU', 'load avg',
];

/** How each kind of run is named in the tables. */
const LABELS: Readonly<Record<TargetKind, string>> = { reference: 'reference', copydesk: 'copydesk', 'copydesk-2srv': 'copydesk ×2' };

/** One server's row: medians over its runs. */
function serverRow(kind: TargetKind, runs: readonly TypingScenarioResult[]): string[] {
  const m = (f: (t: TypingScenarioResult) => number) => median(runs.map(f));
  const delivered = m((t) => (t.expectedDeliveries ? (t.deliveries / t.expectedDeliveries) * 100 : Number.NaN));
  return [
    LABELS[kind],
    fixed(m((t) => t.keystrokesSent), 0),
    fixed(delivered, 1, '%'),
    runs.every((t) => t.converged) ? 'yes' : 'NO',
    ms(m((t) => t.fanOutLatencyMs.p50)),
    ms(m((t) => t.fanOutLatencyMs.p95)),
    ms(m((t) => t.fanOutLatencyMs.p99)),
    ms(m((t) => t.fanOutLatencyMs.max)),
    fixed(m((t) => t.serverCpuMsPerKeystroke), 3, ' ms'),
    fixed(m((t) => t.serverMainThreadCpuMsPerKeystroke), 3, ' ms'),
    fixed(m((t) => t.serverCpuPercent), 0, '%'),
    fixed(m((t) => t.serverPeakRssMiB), 0, ' MiB'),
    fixed(m((t) => t.diskBytesPerKeystroke), 0, ' B'),
    `${fixed(m((t) => t.heapKiBPerIdleStory), 1, ' KiB')} (${fixed(m((t) => t.heapWithCodeKiBPerIdleStory), 1, '')})`,
    fixed(m((t) => t.writersCpuPercent), 0, '%'),
    `${ms(m((t) => t.writersLoopDelayP99Ms))} ms`,
    kind === 'reference' ? '-' : `${ms(m((t) => t.listRequestMs))} ms`,
    fixed(m((t) => t.otherCpuPercent), 0, '%'),
    runs.map((t) => `${t.loadAverage[0].toFixed(1)}→${t.loadAverage[1].toFixed(1)}`).join(' '),
  ];
}

function ratioRow(r: ComparedMetrics, label = 'ratio'): string[] {
  return [
    label, '', '', '', times(r.p50), times(r.p95), times(r.p99), '', times(r.cpuMsPerKey), '', '', times(r.peakRssMiB),
    times(r.diskBytesPerKey), times(r.heapKiBPerIdleStory), '', '', '', '', '',
  ];
}

/** The table of one typing scenario: a row per server (medians), then Copydesk ÷ reference. */
export function formatComparison(c: TypingComparison): string {
  const first = c.runs[0];
  if (!first) return `${c.scenario}: no runs`;
  const reps = new Set(c.runs.map((r) => r.rep)).size;
  const two = c.twoServers ?? null;
  const title =
    `${first.name} at ${first.rate} keys/s per writer (${first.writers} clients, ${first.durationSeconds} s)` +
    `${c.busy ? ', one core kept busy by another process' : ''}: medians of ${reps} rep${reps === 1 ? '' : 's'}, ` +
    (two
      ? 'fan-out latency in ms; copydesk = one server on SQLite, copydesk ×2 = two servers sharing PostgreSQL and Redis, ' +
        "each story's writers split across them; ratios within each rep, then the median"
      : 'fan-out latency in ms, ratio = Copydesk ÷ reference within each rep, then the median');
  const rows: string[][] = [];
  for (const kind of ['reference', 'copydesk', 'copydesk-2srv'] as const) {
    const runs = c.runs.filter((r) => r.server === kind);
    if (runs.length) rows.push(serverRow(kind, runs));
  }
  if (c.summary) rows.push(ratioRow(c.summary.ratio, two ? 'copydesk ÷ reference' : 'ratio'));
  if (two?.vsReference) rows.push(ratioRow(two.vsReference, '×2 ÷ reference'));
  if (two?.vsCopydesk) rows.push(ratioRow(two.vsCopydesk, '×2 ÷ copydesk'));
  const parts = [title, table(TYPING_HEADER, rows)];
  if (two) parts.push(formatTwoServers(two));
  if (c.targets.length) {
    parts.push(
      `targets: ${c.targets.map((t) => `${t.target} ${Number.isFinite(t.value) ? t.value.toFixed(2) : '-'} ≤ ${t.limit} ${t.met ? 'met' : 'NOT MET'}`).join('; ')}`,
    );
  }
  const codes = c.runs.filter((r) => r.closeCodes.length > 0);
  for (const r of codes) {
    parts.push(`${r.server} rep ${r.rep + 1}: the server closed writer sockets with codes ${[...new Set(r.closeCodes)].join(', ')} (${r.closeCodes.length}×)`);
  }
  return parts.join('\n');
}

/** What the table of a two-server scenario does not show: per server, same server or across, PostgreSQL and Redis. */
export function formatTwoServers(s: TwoServerSummary): string {
  const each = (f: (server: TwoServerSummary['servers'][number]) => string) => s.servers.map(f).join(' / ');
  const latency = (l: TwoServerSummary['sameServer']) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)} ms (${fixed(l.count, 0)} samples)`;
  const services = s.services.map((v) =>
    Number.isFinite(v.cpuMsPerKey) ? `${v.name} ${fixed(v.cpuMsPerKey, 3, ' ms')}/key (${fixed(v.cpuPercent, 0, '%')} of a core)` : `${v.name} - (not readable from /proc here)`,
  );
  const against = [
    ...(s.vsReference ? [`${times(s.withServices.vsReference)} the reference`] : []),
    ...(s.vsCopydesk ? [`${times(s.withServices.vsCopydesk)} copydesk alone (whose CPU/key includes its SQLite writes)`] : []),
  ];
  return [
    `copydesk ×2: CPU/key and server CPU are both servers' together (each: ${each((v) => fixed(v.cpuPercent, 0, '%'))} of a core). ` +
      `Left out: peak RSS (each server: ${each((v) => fixed(v.peakRssMiB, 0, ' MiB'))}), disk/key (PostgreSQL writes the stories, not the servers) ` +
      'and heap/idle story (two heaps); so are their ratios.',
    `copydesk ×2 fan-out between writers on one server: ${latency(s.sameServer)}; across servers: ${latency(s.acrossServers)}.`,
    `copydesk ×2, not in its CPU/key: ${services.join(', ')}. Servers, PostgreSQL and Redis together: ${fixed(s.withServices.cpuMsPerKey, 3, ' ms')}/key` +
      (against.length ? `, ${against.join(', ')}.` : '.'),
  ].join('\n');
}

const PROFILED: Record<TargetKind, string> = {
  copydesk: 'Copydesk server',
  reference: 'Reference server',
  'copydesk-2srv': 'Copydesk server 1 of 2',
};

/** The top self-time functions of a profile, and the split by module. */
export function formatCpuProfile(p: CpuProfileSummary, rows = 15): string {
  return [
    `${PROFILED[p.server]} CPU profile, ${p.scenario} (${p.file}), while the writers typed: ${(p.busyMs / 1000).toFixed(1)} s busy`,
    table(
      ['self ms', 'busy %', 'function', 'where'],
      p.top.slice(0, rows).map((t) => [t.selfMs.toFixed(0), t.percent.toFixed(1), t.functionName, t.url ? `${t.url}:${t.line}` : '']),
    ),
    table(
      ['self ms', 'busy %', 'module'],
      p.byModule.slice(0, rows).map((m) => [m.selfMs.toFixed(0), m.percent.toFixed(1), m.module]),
    ),
  ].join('\n');
}

/** The human summary printed at the end of a run. */
export function formatResults(results: BenchResults): string {
  const parts: string[] = [];
  for (const c of results.typing) parts.push(formatComparison(c));
  if (results.typing.length) {
    parts.push(
      `disk/key counts /proc/<pid>/io ${results.diskCounter}` +
        (results.diskCounter === 'wchar' ? ' (write_bytes is not accounted on this machine: wchar includes socket writes)' : '') +
        `; load average ${results.loadAverage[0].toFixed(2)} at the start, ${results.loadAverage[1].toFixed(2)} at the end`,
    );
  }
  const load = results.load;
  if (load) {
    parts.push(
      `Opening a ${load.words.toLocaleString('en')}-word story (${load.paragraphs} paragraphs, server counts ${load.serverWordCount.toLocaleString('en')} words, Yjs state ${(load.stateBytes / 1024).toFixed(0)} KiB, server peak RSS ${load.serverPeakRssMiB.toFixed(0)} MiB)`,
      table(
        ['measurement', 'median ms', 'runs ms'],
        (
          [
            ['connect → synced, loaded from SQLite', load.cold],
            ['connect → synced, already open', load.warm],
            ['Y.Doc → ProseMirror document', load.proseMirrorBuild],
            ['GET export?format=html', load.exportHtml],
          ] as const
        ).map(([label, t]) => [label, ms(t.medianMs), t.runsMs.map(ms).join(' ')]),
      ),
    );
  }
  for (const p of results.cpuProfiles) parts.push(formatCpuProfile(p));
  return parts.join('\n\n');
}
