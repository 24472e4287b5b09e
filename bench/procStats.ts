import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let clockTicks: number | null = null;

/** Kernel clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times. */
export function clockTicksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function parseProcCpuSeconds(stat: string, ticksPerSecond: number): number {
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name, utime and stime are the 12th and 13th fields (14 and 15 in proc(5)).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new RangeError('Unreadable /proc stat line');
  return (utime + stime) / ticksPerSecond;
}

/** A `kB` field (e.g. `VmHWM`) of /proc/<pid>/status, in bytes. */
export function parseStatusBytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match) throw new RangeError(`No ${field} in /proc status`);
  return Number(match[1]) * 1024;
}

/** CPU seconds a running process has used. */
export function processCpuSeconds(pid: number): number {
  return parseProcCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'), clockTicksPerSecond());
}

/**
 * CPU seconds the main thread of a process has used (/proc/<pid>/task/<pid>/stat): for Node, the
 * JavaScript thread. The rest of the process's CPU is its other threads: V8's garbage collection and
 * compilers, libuv's pool.
 */
export function processMainThreadCpuSeconds(pid: number): number {
  return parseProcCpuSeconds(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'), clockTicksPerSecond());
}

/** Peak resident set size (VmHWM) of a running process, in bytes. */
export function processPeakRss(pid: number): number {
  return parseStatusBytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM');
}

/** Busy CPU seconds of the whole machine (all cores, everything but idle and iowait), from the first line of /proc/stat. */
export function parseMachineBusySeconds(procStat: string, ticksPerSecond: number): number {
  const line = procStat.split('\n', 1)[0]!;
  if (!line.startsWith('cpu ')) throw new RangeError('Unreadable /proc/stat');
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - ticks[3]! - ticks[4]!) / ticksPerSecond;
}

/** Busy CPU seconds of the whole machine so far. */
export function machineBusySeconds(): number {
  return parseMachineBusySeconds(readFileSync('/proc/stat', 'utf8'), clockTicksPerSecond());
}

/** The fields of one /proc/<pid>/stat line that a process tree's CPU needs, in clock ticks. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime: the process's own CPU. */
  ownTicks: number;
  /** cutime + cstime: CPU of its children that have exited and been waited for. */
  reapedChildrenTicks: number;
}

/** Parses a /proc/<pid>/stat line (fields counted after the command name's last ')'). */
export function parseProcStat(stat: string): ProcStat {
  const pid = Number(stat.slice(0, stat.indexOf(' ')));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state, ppid, …, utime (14 in proc(5)), stime, cutime, cstime (17).
  const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
  if (![pid, ppid, utime, stime, cutime, cstime].every(Number.isFinite)) throw new RangeError('Unreadable /proc stat line');
  return { pid, ppid: ppid!, ownTicks: utime! + stime!, reapedChildrenTicks: cutime! + cstime! };
}

/**
 * CPU ticks of `root` and every live descendant (own time), plus what each of them collected
 * from exited children: a total that keeps counting when a PostgreSQL backend exits, since its
 * time then moves into its parent's cutime/cstime. NaN when `root` is not among `stats`.
 */
export function processTreeTicks(stats: readonly ProcStat[], root: number): number {
  const children = new Map<number, ProcStat[]>();
  let top: ProcStat | undefined;
  for (const s of stats) {
    if (s.pid === root) top = s;
    const siblings = children.get(s.ppid);
    if (siblings) siblings.push(s);
    else children.set(s.ppid, [s]);
  }
  if (!top) return Number.NaN;
  let ticks = 0;
  const pending = [top];
  for (let s = pending.pop(); s; s = pending.pop()) {
    ticks += s.ownTicks + s.reapedChildrenTicks;
    pending.push(...(children.get(s.pid) ?? []));
  }
  return ticks;
}

/** CPU seconds used so far by `root` and its descendants, living or exited (NaN when `root` is gone). */
export function processTreeCpuSeconds(root: number): number {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // The process exited between the listing and the read.
    }
  }
  return processTreeTicks(stats, root) / clockTicksPerSecond();
}
