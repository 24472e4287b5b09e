/**
 * `npm run bench`: headless writers typing real editing traces into stories on a fresh
 * server per scenario, then the time to open a long story. Prints a table and writes
 * bench/results/latest.json. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs, USAGE } from './args.ts';
import { delay } from './BenchServer.ts';
import { machineBusySeconds } from './procStats.ts';
import { runLoadTimeScenario } from './loadTimeScenario.ts';
import { formatResults, type BenchResults } from './report.ts';
import { runTypingScenario } from './typingScenario.ts';

const TYPING = { '1x20': { stories: 1, writersPerStory: 20 }, '100x2': { stories: 100, writersPerStory: 2 } } as const;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const busyBefore = machineBusySeconds();
  await delay(1_000);
  const othersBusy = machineBusySeconds() - busyBefore;
  if (othersBusy > 0.25) {
    console.warn(`Warning: other programs are using ${(othersBusy * 100).toFixed(0)}% of a core: they compete with the bench, figures will be inflated.`);
  }
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { ...args },
    typing: [],
    load: null,
  };
  for (const name of args.scenarios) {
    if (name === 'load') {
      console.log(`load: writing a ${args.loadWords}-word story, then opening it ${args.loadRuns}× cold and ${args.loadRuns}× warm…`);
      results.load = await runLoadTimeScenario({ words: args.loadWords, runs: args.loadRuns });
    } else {
      const shape = TYPING[name];
      console.log(`${name}: ${shape.stories * shape.writersPerStory} writers typing for ${args.durationSeconds} s…`);
      results.typing.push(
        await runTypingScenario({
          ...shape,
          durationSeconds: args.durationSeconds,
          rate: args.rate,
          processes: args.processes,
          trace: args.trace,
        }),
      );
    }
  }
  console.log(`\n${formatResults(results)}\n`);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v), 2)}\n`);
  console.log(`Results written to ${args.out}`);
  const failed = results.typing.filter((t) => !t.converged);
  if (failed.length) {
    console.error(`Writers did not converge in: ${failed.map((t) => t.name).join(', ')}`);
    process.exitCode = 1;
  }
}

function round(v: number): number {
  return Number.isInteger(v) ? v : Math.round(v * 100) / 100;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
