/** Which measurements `npm run bench` runs. */
export type ScenarioName = '1x20' | '100x2' | 'load';
export const SCENARIOS: readonly ScenarioName[] = ['1x20', '100x2', 'load'];

export interface BenchArgs {
  scenarios: ScenarioName[];
  durationSeconds: number;
  rate: number;
  processes: number;
  trace: string;
  loadWords: number;
  loadRuns: number;
  out: string;
}

export const DEFAULT_ARGS: BenchArgs = {
  scenarios: [...SCENARIOS],
  durationSeconds: 20,
  rate: 8,
  processes: 2,
  trace: 'seph-blog1',
  loadWords: 20_000,
  loadRuns: 5,
  out: 'bench/results/latest.json',
};

export const USAGE = `Usage: npm run bench -- [options]
  --scenario <list>   comma-separated: ${SCENARIOS.join(', ')}, or all (default all)
  --duration <s>      typing time per scenario in seconds (default ${DEFAULT_ARGS.durationSeconds})
  --rate <n>          keystrokes per second per writer (default ${DEFAULT_ARGS.rate})
  --processes <n>     writer processes sharing the clients (default ${DEFAULT_ARGS.processes})
  --trace <name>      sequential trace in the traces folder (default ${DEFAULT_ARGS.trace})
  --load-words <n>    words in the long story of the load test (default ${DEFAULT_ARGS.loadWords})
  --load-runs <n>     clients timed per load measurement (default ${DEFAULT_ARGS.loadRuns})
  --out <file>        where the JSON results go (default ${DEFAULT_ARGS.out})`;

/** Parses `--name value` / `--name=value` flags; throws RangeError naming the bad flag. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS, scenarios: [...DEFAULT_ARGS.scenarios] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new RangeError(`Unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
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

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`--${flag} must be a positive number, got ${value}`);
  return n;
}
