/**
 * `npm run bench`: headless writers typing real editing traces into stories, on a fresh
 * Copydesk server and a fresh y-websocket reference server per scenario and repetition, side
 * by side; then the time to open a long story. Prints a table per scenario with the ratios
 * Copydesk ÷ reference and writes bench/results/latest.json. See bench/README.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, TYPING, USAGE, type BenchArgs, type TypingScenarioName } from './args.ts';
import { delay } from './BenchServer.ts';
import { checkTargets, orderForRep, summarizeReps } from './compare.ts';
import { mainThreadProfile, readCpuProfile, selfTimeByModule, selfTimes } from './cpuProfile.ts';
import { diskCounterForThisMachine, type DiskCounter } from './diskBytes.ts';
import { machineBusySeconds } from './procStats.ts';
import { runLoadTimeScenario } from './loadTimeScenario.ts';
import { comparedMetrics, formatComparison, formatCpuProfile, formatResults, type BenchResults, type CpuProfileSummary, type TypingComparison } from './report.ts';
import { serverProfileDir } from './startTarget.ts';
import { summarizeTwoServers } from './twoServerSummary.ts';
import { runTypingScenario } from './typingScenario.ts';
import type { TargetKind } from './BenchTarget.ts';

const PROFILE_DIR = fileURLToPath(new URL('./results/prof', import.meta.url));

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(process.argv.slice(2), process.env);
  const busyBefore = machineBusySeconds();
  await delay(1_000);
  const othersBusy = machineBusySeconds() - busyBefore;
  if (othersBusy > 0.25) {
    console.warn(`Warning: other programs are using ${(othersBusy * 100).toFixed(0)}% of a core: they compete with the bench, figures will be inflated.`);
  }
  const diskCounter = diskCounterForThisMachine();
  if (diskCounter === 'wchar') console.warn('Warning: /proc/<pid>/io write_bytes stays 0 on this machine: disk/key counts wchar (socket writes included).');
  if (args.cpuProf) mkdirSync(PROFILE_DIR, { recursive: true });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { ...args },
    diskCounter,
    loadAverage: [loadavg()[0]!, Number.NaN],
    typing: [],
    load: null,
    cpuProfiles: [],
  };
  for (const name of args.scenarios) {
    if (name === 'load') {
      if (!args.servers.includes('copydesk')) continue;
      console.log(`load: writing a ${args.loadWords}-word story, then opening it ${args.loadRuns}× cold and ${args.loadRuns}× warm…`);
      results.load = await runLoadTimeScenario({ words: args.loadWords, runs: args.loadRuns, command: args.serverCommand });
    } else {
      const comparison = await compareTyping(name, args, diskCounter);
      results.typing.push(comparison);
      console.log(`\n${formatComparison(comparison)}\n`);
      if (args.cpuProf) {
        for (const kind of ['copydesk', 'reference', 'copydesk-2srv'] as const) {
          const profiled = comparison.runs.find((r) => r.server === kind && r.rep === 0);
          if (!profiled) continue;
          const folder = join(PROFILE_DIR, profileFolder(name, 0, kind));
          // Of two servers, the first one's profile: both carry the same load.
          const dir = kind === 'copydesk-2srv' ? serverProfileDir(folder, 1) : folder;
          const profile = summarizeProfile(name, kind, dir, profiled.typingWindowMicros);
          if (profile) results.cpuProfiles.push(profile);
        }
      }
    }
  }
  results.loadAverage[1] = loadavg()[0]!;
  console.log(`\n${formatResults(results)}\n`);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v), 2)}\n`);
  console.log(`Results written to ${args.out}`);
  const failed = results.typing.flatMap((c) => c.runs.filter((r) => !r.converged).map((r) => `${c.scenario} (${r.server}, rep ${r.rep + 1})`));
  if (failed.length) {
    console.error(`Writers did not converge in: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

/**
 * Runs one typing scenario on each server, `reps` times, rotating which server goes first. A
 * scenario with two Copydesk servers runs them as a third target of each rep (with Copydesk).
 */
async function compareTyping(name: TypingScenarioName, args: BenchArgs, diskCounter: DiskCounter): Promise<TypingComparison> {
  const shape = TYPING[name];
  const twoServers = shape.copydeskServers === 2;
  const rate = args.rate ?? shape.rate;
  const kinds: TargetKind[] = [...args.servers, ...(twoServers && args.servers.includes('copydesk') ? (['copydesk-2srv'] as const) : [])];
  const runs: TypingComparison['runs'] = [];
  for (let rep = 0; rep < args.reps; rep++) {
    for (const server of orderForRep(kinds, rep)) {
      const on = server === 'copydesk-2srv' ? 'two copydesk servers on PostgreSQL and Redis' : server;
      console.log(
        `${name} rep ${rep + 1}/${args.reps}, ${on}: ${shape.stories * shape.writersPerStory} writers at ${rate} keys/s for ${args.durationSeconds} s${args.busy ? ', one core busy' : ''}…`,
      );
      const result = await runTypingScenario({
        stories: shape.stories,
        writersPerStory: shape.writersPerStory,
        durationSeconds: args.durationSeconds,
        rate,
        processes: args.processes,
        trace: args.trace,
        server,
        busy: args.busy,
        diskCounter,
        target: {
          command: args.serverCommand,
          ...(args.cpuProf ? { cpuProfDir: freshProfileDir(profileFolder(name, rep, server), server === 'copydesk-2srv' ? 2 : 0) } : {}),
        },
      });
      runs.push({ ...result, rep });
    }
  }
  const paired = Array.from({ length: args.reps }, (_, rep) => ({
    copydesk: runs.find((r) => r.rep === rep && r.server === 'copydesk'),
    reference: runs.find((r) => r.rep === rep && r.server === 'reference'),
  })).flatMap(({ copydesk, reference }) =>
    copydesk && reference ? [{ copydesk: comparedMetrics(copydesk), reference: comparedMetrics(reference) }] : [],
  );
  const summary = paired.length ? summarizeReps(paired) : null;
  // The issue's targets are the one-server scenarios'; this one compares crossing servers.
  const targets = summary && !twoServers ? checkTargets(name, args.busy, summary) : [];
  return { scenario: name, busy: args.busy, runs, summary, targets, ...(twoServers ? { twoServers: summarizeTwoServers(runs) } : {}) };
}

/** A folder per profiled server process (per pair of them: a subfolder each): the profiles of its threads land there. */
function profileFolder(scenario: string, rep: number, kind: TargetKind = 'copydesk'): string {
  return `${kind === 'copydesk-2srv' ? 'two-servers' : kind}-${scenario}-rep${rep + 1}`;
}

/** That folder under bench/results/prof, emptied of an earlier run's profiles (with `servers` subfolders, one per server). */
function freshProfileDir(folder: string, servers = 0): string {
  const dir = join(PROFILE_DIR, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= servers; n++) mkdirSync(serverProfileDir(dir, n), { recursive: true });
  return dir;
}

/** Where the first profiled run of `scenario` on `server` spent its time while the writers typed. */
function summarizeProfile(scenario: string, server: TargetKind, dir: string, window: readonly [number, number]): CpuProfileSummary | null {
  const name = mainThreadProfile(readdirSync(dir));
  if (!name) {
    console.warn(`No main-thread CPU profile in ${dir}: the server did not exit cleanly.`);
    return null;
  }
  const file = join(dir, name);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const top = selfTimes(readCpuProfile(file), root, window);
  const summary: CpuProfileSummary = {
    scenario,
    server,
    file: relative(root, file),
    busyMs: top.filter((t) => t.functionName !== '(idle)').reduce((n, t) => n + t.selfMs, 0),
    top: top.slice(0, 40),
    byModule: selfTimeByModule(top),
  };
  console.log(`${formatCpuProfile(summary)}\n`);
  return summary;
}

function round(v: number): number {
  return Number.isInteger(v) ? v : Math.round(v * 100) / 100;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
