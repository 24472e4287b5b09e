import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds between consecutive samples (the first: since startTime). */
  timeDeltas: number[];
}

/** Self time of one function (name + script), summed over every call path. */
export interface SelfTime {
  functionName: string;
  /** Script URL relative to the repository (`node:` for Node internals, empty for V8 pseudo-nodes). */
  url: string;
  /** First line of the function (1-based), or 0. */
  line: number;
  selfMs: number;
  /** Share of the profile's busy time (everything but `(idle)`), 0–100. */
  percent: number;
}

/** V8 pseudo-frames: time spent outside JavaScript functions. */
const IDLE = '(idle)';

/**
 * Sums the self time of every function of `profile` by name and script. Sample i lasts until
 * sample i + 1 (the last one until `endTime`), as Chrome DevTools counts it. Only samples taken
 * within `window` count when it is given: [from, to] in µs of the profile's clock, which on Linux
 * is CLOCK_MONOTONIC, the clock of `process.hrtime` in every process of the machine. Sorted, largest first.
 */
export function selfTimes(profile: CpuProfile, root = process.cwd(), window?: readonly [from: number, to: number]): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, { functionName: string; url: string; line: number; us: number }>();
  let at = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (at += d));
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    if (window && (stamps[i]! < window[0] || stamps[i]! > window[1])) return;
    const us = Math.max(0, (i + 1 < stamps.length ? stamps[i + 1]! : profile.endTime) - stamps[i]!);
    const frame = byId.get(id);
    if (!frame) return;
    const functionName = frame.functionName || '(anonymous)';
    const url = shortUrl(frame.url, root);
    const line = frame.url ? frame.lineNumber + 1 : 0;
    const key = `${functionName}\u0000${url}\u0000${line}`;
    const entry = totals.get(key) ?? { functionName, url, line, us: 0 };
    entry.us += us;
    totals.set(key, entry);
    if (functionName !== IDLE) busyUs += us;
  });
  return [...totals.values()]
    .map((t) => ({
      functionName: t.functionName,
      url: t.url,
      line: t.line,
      selfMs: t.us / 1000,
      percent: t.functionName === IDLE || busyUs === 0 ? 0 : (t.us / busyUs) * 100,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * Self time by where the code lives: an npm package (`yjs`, `ws`, `better-sqlite3`…), a folder
 * of the repository (`server/collab`…), Node's own code (`node:internal`) or a V8 pseudo-frame
 * (`(garbage collector)`, `(program)`…). Sorted, largest first; `(idle)` left out.
 */
export function selfTimeByModule(times: readonly SelfTime[]): { module: string; selfMs: number; percent: number }[] {
  const totals = new Map<string, { selfMs: number; percent: number }>();
  for (const t of times) {
    if (t.functionName === IDLE) continue;
    const module = moduleOf(t);
    const entry = totals.get(module) ?? { selfMs: 0, percent: 0 };
    entry.selfMs += t.selfMs;
    entry.percent += t.percent;
    totals.set(module, entry);
  }
  return [...totals.entries()].map(([module, v]) => ({ module, ...v })).sort((a, b) => b.selfMs - a.selfMs);
}

function moduleOf(t: SelfTime): string {
  if (!t.url) return t.functionName.startsWith('(') ? t.functionName : '(native)';
  if (t.url.startsWith('node:')) return t.url.startsWith('node:internal') ? 'node:internal' : t.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(t.url);
  if (pkg) return pkg[1]!;
  const dir = t.url.split('/').slice(0, -1).join('/');
  return dir || t.url;
}

function shortUrl(url: string, root: string): string {
  if (!url.startsWith('file://')) return url;
  const path = decodeURIComponent(url.slice('file://'.length));
  // The last node_modules segment names the package, wherever it is installed.
  const nm = path.lastIndexOf('/node_modules/');
  return nm === -1 ? relative(root, path) : path.slice(nm + 1);
}

/** Now on the clock of V8 CPU profiles (CLOCK_MONOTONIC), in µs. */
export function profileClockMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The main thread's profile among the files `node --cpu-prof` wrote into one folder
 * (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, main thread 0), or null.
 */
export function mainThreadProfile(files: readonly string[]): string | null {
  return files.find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? null;
}

/** Reads a `.cpuprofile` file. */
export function readCpuProfile(file: string): CpuProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples) || !Array.isArray(profile.timeDeltas)) {
    throw new RangeError(`${file} is not a V8 CPU profile`);
  }
  return profile;
}
