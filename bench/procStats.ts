import { readFileSync } from 'node:fs';
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
