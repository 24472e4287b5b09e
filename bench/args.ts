import type { ServerKind } from './BenchTarget.ts';
import { DEFAULT_COPYDESK_COMMAND } from './serverCommand.ts';

/** Which measurements `npm run bench` runs. */
export type TypingScenarioName = '1x20' | '100x2' | '20x10' | '200x2' | '2srv-20x10';
export type ScenarioName = TypingScenarioName | 'load';
export const SCENARIOS: readonly ScenarioName[] = ['20x10', '200x2', '1x20', '100x2', '2srv-20x10', 'load'];

/**
 * The shape of each typing scenario and its default keystroke rate per writer. `copydeskServers`
 * 2: besides the reference and Copydesk alone (on SQLite), each rep runs two Copydesk servers
 * sharing PostgreSQL and Redis, each story's writers dealt across both.
 */
export const TYPING: Readonly<Record<TypingScenarioName, { stories: number; writersPerStory: number; rate: number; copydeskServers: 1 | 2 }>> = {
  '20x10': { stories: 20, writersPerStory: 10, rate: 2, copydeskServers: 1 },
  '200x2': { stories: 200, writersPerStory: 2, rate: 2, copydeskServers: 1 },
  '1x20': { stories: 1, writersPerStory: 20, rate: 8, copydeskServers: 1 },
  '100x2': { stories: 100, writersPerStory: 2, rate: 8, copydeskServers: 1 },
  '2srv-20x10': { stories: 20, writersPerStory: 10, rate: 2, copydeskServers: 2 },
};

const SERVERS: readonly ServerKind[] = ['copydesk', 'reference'];

export interface BenchArgs {
  scenarios: ScenarioName[];
  durationSeconds: number;
  /** Keystrokes per second per writer for every scenario; null: each scenario's own rate. */
  rate: number | null;
  processes: number;
  trace: string;
  loadWords: number;
  loadRuns: number;
  out: string;
  /** Repetitions of each typing scenario; figures are medians over them. */
  reps: number;
  /** Servers measured side by side (in alternating order from one rep to the next). */
  servers: ServerKind[];
  /** Keep one core busy with another process while the writers type. */
  busy: boolean;
  /** Profile Copydesk's server and print where its time goes. */
  cpuProf: boolean;
  /** How to run Copydesk, e.g. `node build/server/index.js`. */
  serverCommand: string;
}

export const DEFAULT_ARGS: BenchArgs = {
  scenarios: [...SCENARIOS],
  durationSeconds: 20,
  rate: null,
  processes: 2,
  trace: 'seph-blog1',
  loadWords: 20_000,
  loadRuns: 5,
  out: 'bench/results/latest.json',
  reps: 2,
  servers: [...SERVERS],
  busy: false,
  cpuProf: false,
  serverCommand: DEFAULT_COPYDESK_COMMAND,
};

export const USAGE = `Usage: npm run bench -- [options]
  --scenario <list>   comma-separated: ${SCENARIOS.join(', ')}, or all (default all)
  --duration <s>      typing time per scenario and server in seconds (default ${DEFAULT_ARGS.durationSeconds})
                      (2srv-20x10: 20x10 on the reference, on Copydesk and on two Copydesk servers
                      sharing a throwaway PostgreSQL and Redis)
  --rate <n>          keystrokes per second per writer (default: 2 for 20x10, 200x2 and 2srv-20x10, 8 for 1x20 and 100x2)
  --reps <n>          repetitions; figures are medians, ratios taken within each rep (default ${DEFAULT_ARGS.reps})
  --servers <list>    copydesk, reference or both (default copydesk,reference)
  --busy              keep one core busy with another process while the writers type
  --cpu-prof          profile each server (bench/results/prof) and print their top self-time functions
  --server <command>  how to run Copydesk (default "${DEFAULT_COPYDESK_COMMAND}", or COPYDESK_BENCH_SERVER),
                      e.g. "node build/server/index.js"
  --processes <n>     writer processes sharing the clients (default ${DEFAULT_ARGS.processes})
  --trace <name>      sequential trace in the traces folder (default ${DEFAULT_ARGS.trace})
  --load-words <n>    words in the long story of the load test (default ${DEFAULT_ARGS.loadWords})
  --load-runs <n>     clients timed per load measurement (default ${DEFAULT_ARGS.loadRuns})
  --out <file>        where the JSON results go (default ${DEFAULT_ARGS.out})`;

/** Flags that take no value. */
const SWITCHES = new Set(['busy', 'cpu-prof']);

/**
 * Parses `--name value` / `--name=value` flags (and the switches `--busy`, `--cpu-prof`);
 * throws RangeError naming the bad flag. `env` supplies COPYDESK_BENCH_SERVER.
 */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS, scenarios: [...DEFAULT_ARGS.scenarios], servers: [...DEFAULT_ARGS.servers] };
  if (env.COPYDESK_BENCH_SERVER?.trim()) args.serverCommand = env.COPYDESK_BENCH_SERVER.trim();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new RangeError(`Unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (SWITCHES.has(flag)) {
      if (eq !== -1) throw new RangeError(`--${flag} takes no value`);
      if (flag === 'busy') args.busy = true;
      else args.cpuProf = true;
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new RangeError(`--${flag} needs a value`);
    switch (flag) {
      case 'scenario':
        args.scenarios = value === 'all' ? [...SCENARIOS] : value.split(',').map(scenario);
        break;
      case 'duration':
        args.durationSeconds = positive(flag, value);
        break;
      case 'rate':
        args.rate = positive(flag, value);
        break;
      case 'reps':
        args.reps = Math.round(positive(flag, value));
        break;
      case 'servers':
        args.servers = value === 'both' ? [...SERVERS] : [...new Set(value.split(',').map(server))];
        break;
      case 'server':
        if (!value.trim()) throw new RangeError('--server needs a command');
        args.serverCommand = value.trim();
        break;
      case 'processes':
        args.processes = Math.round(positive(flag, value));
        break;
      case 'trace':
        args.trace = value;
        break;
      case 'load-words':
        args.loadWords = Math.round(positive(flag, value));
        break;
      case 'load-runs':
        args.loadRuns = Math.round(positive(flag, value));
        break;
      case 'out':
        args.out = value;
        break;
      default:
        throw new RangeError(`Unknown option --${flag}`);
    }
  }
  return args;
}

function scenario(value: string): ScenarioName {
  const name = value.trim();
  if (!(SCENARIOS as readonly string[]).includes(name)) {
    throw new RangeError(`Unknown scenario ${name} (expected one of ${SCENARIOS.join(', ')})`);
  }
  return name as ScenarioName;
}

function server(value: string): ServerKind {
  const name = value.trim();
  if (!(SERVERS as readonly string[]).includes(name)) {
    throw new RangeError(`Unknown server ${name} (expected copydesk, reference or both)`);
  }
  return name as ServerKind;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`--${flag} must be a positive number, got ${value}`);
  return n;
}
