import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskCounterForThisMachine, parseProcIo, processDiskBytes } from './diskBytes.ts';
import { serverNodeArgs } from './serverCommand.ts';

describe('serverNodeArgs', () => {
  it('drops the node binary and keeps its arguments', () => {
    expect(serverNodeArgs()).toEqual(['--import', 'tsx', 'server/index.ts']);
    expect(serverNodeArgs('node build/server/index.js')).toEqual(['build/server/index.js']);
    expect(serverNodeArgs('  /usr/bin/node   --max-old-space-size=512 build/server/index.js ')).toEqual([
      '--max-old-space-size=512',
      'build/server/index.js',
    ]);
    expect(serverNodeArgs('build/server/index.js')).toEqual(['build/server/index.js']);
    expect(() => serverNodeArgs('node')).toThrow(RangeError);
  });
});

describe('disk bytes', () => {
  it('reads a counter of /proc/<pid>/io', () => {
    const io = 'rchar: 10\nwchar: 409698\nsyscr: 87\nread_bytes: 0\nwrite_bytes: 438272\ncancelled_write_bytes: 0\n';
    expect(parseProcIo(io, 'write_bytes')).toBe(438_272);
    expect(parseProcIo(io, 'wchar')).toBe(409_698);
    expect(() => parseProcIo('rchar: 1\n', 'wchar')).toThrow(RangeError);
  });

  it('sees this process write and fsync a file with the counter it picks', async () => {
    const counter = diskCounterForThisMachine();
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-io-test-'));
    try {
      const before = processDiskBytes(process.pid, counter);
      const { openSync, writeSync, fsyncSync, closeSync } = await import('node:fs');
      const fd = openSync(join(dir, 'f'), 'w');
      writeSync(fd, Buffer.alloc(256 * 1024, 7));
      fsyncSync(fd);
      closeSync(fd);
      writeFileSync(join(dir, 'g'), 'x');
      expect(processDiskBytes(process.pid, counter) - before).toBeGreaterThanOrEqual(256 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
