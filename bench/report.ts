import type { LoadTimeResult } from './loadTimeScenario.ts';
import type { TypingScenarioResult } from './typingScenario.ts';

/** Everything one `npm run bench` measured, as written to bench/results/latest.json. */
export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  settings: Record<string, unknown>;
  typing: TypingScenarioResult[];
  load: LoadTimeResult | null;
}

/** Renders rows as a plain-text table with aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** The human summary printed at the end of a run. */
export function formatResults(results: BenchResults): string {
  const parts: string[] = [];
  if (results.typing.length) {
    parts.push(
      'Fan-out latency: keystroke sent by one writer → received by each other writer of the story (ms)',
      table(
        ['scenario', 'clients', 'keys sent', 'delivered', 'p50', 'p95', 'p99', 'max', 'server CPU', 'CPU/key', 'peak RSS', 'writers CPU', 'writer lag p99', 'list', 'other CPU', 'converged'],
        results.typing.map((t) => [
          t.name,
          String(t.writers),
          String(t.keystrokesSent),
          t.expectedDeliveries ? `${((t.deliveries / t.expectedDeliveries) * 100).toFixed(1)}%` : '-',
          ms(t.fanOutLatencyMs.p50),
          ms(t.fanOutLatencyMs.p95),
          ms(t.fanOutLatencyMs.p99),
          ms(t.fanOutLatencyMs.max),
          `${t.serverCpuPercent.toFixed(0)}%`,
          `${t.serverCpuMsPerKeystroke.toFixed(2)} ms`,
          `${t.serverPeakRssMiB.toFixed(0)} MiB`,
          `${t.writersCpuPercent.toFixed(0)}%`,
          `${ms(t.writersLoopDelayP99Ms)} ms`,
          `${ms(t.listRequestMs)} ms`,
          `${t.otherCpuPercent.toFixed(0)}%`,
          t.converged ? 'yes' : 'NO',
        ]),
      ),
    );
  }
  for (const t of results.typing.filter((t) => t.closeCodes.length > 0)) {
    parts.push(`${t.name}: the server closed writer sockets with codes ${[...new Set(t.closeCodes)].join(', ')} (${t.closeCodes.length}×)`);
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
  return parts.join('\n\n');
}
