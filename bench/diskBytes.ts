import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Which /proc/<pid>/io counter measures disk writes: `write_bytes` (bytes the process sent
 * towards the block device: the real figure) or, where the kernel does not account it
 * (some containers show 0), `wchar` (every byte passed to write-family calls, sockets
 * included: for a network server an upper bound far above its disk traffic).
 */
export type DiskCounter = 'write_bytes' | 'wchar';

/** One counter of a /proc/<pid>/io text, in bytes. */
export function parseProcIo(io: string, counter: DiskCounter): number {
  const match = new RegExp(`^${counter}:\\s+(\\d+)$`, 'm').exec(io);
  if (!match) throw new RangeError(`No ${counter} in /proc io`);
  return Number(match[1]);
}

/** Bytes `pid` has written so far by `counter`. */
export function processDiskBytes(pid: number, counter: DiskCounter): number {
  return parseProcIo(readFileSync(`/proc/${pid}/io`, 'utf8'), counter);
}

/**
 * `write_bytes` when this machine accounts it (checked by writing and fsyncing 64 KiB in a
 * temporary folder and watching this very process's counter move), else `wchar`.
 */
export function diskCounterForThisMachine(dir = tmpdir()): DiskCounter {
  const before = processDiskBytes(process.pid, 'write_bytes');
  const folder = mkdtempSync(join(dir, 'copydesk-io-probe-'));
  try {
    const fd = openSync(join(folder, 'probe'), 'w');
    try {
      writeSync(fd, Buffer.alloc(65_536, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return processDiskBytes(process.pid, 'write_bytes') > before ? 'write_bytes' : 'wchar';
}
