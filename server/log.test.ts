import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import { createLogger } from './log.ts';

const LOG_MODULE = fileURLToPath(new URL('./log.ts', import.meta.url));

/** A destination that keeps what the logger writes. */
function capture(): { write(line: string): void; lines: () => Array<Record<string, unknown>>; raw: string[] } {
  const raw: string[] = [];
  return {
    raw,
    write: (line: string) => void raw.push(line),
    lines: () => raw.join('').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `body` in a fresh Node process where `log` is createLogger(`level`) writing to the real
 * stderr; `stderr` is where that stderr goes ('pipe': collected; 'closed': a pipe whose reader is
 * gone; or a file descriptor such as /dev/full's).
 */
function runChild(level: Config['logLevel'], body: string, stderr: 'pipe' | 'closed' | number): Promise<ChildRun> {
  const script = `const { createLogger } = await import(${JSON.stringify(LOG_MODULE)});\nconst log = createLogger(${JSON.stringify(level)});\n${body}`;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', typeof stderr === 'number' ? stderr : 'pipe'],
  });
  if (stderr === 'closed') child.stderr!.destroy();
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  if (stderr === 'pipe') child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

describe('createLogger', () => {
  it('writes one JSON object per line per event, with the level name, the message, the time and the fields', () => {
    const out = capture();
    const log = createLogger('debug', { destination: out });
    log.debug('a debug event', { articleId: 'story-1' });
    log.info('an info event');
    log.warn('a warning', { updates: 3, text: 'two\nlines' });
    log.error('an error', { articleId: 'story-2' });
    expect(out.raw).toHaveLength(4);
    for (const line of out.raw) expect(line.endsWith('\n') && line.indexOf('\n') === line.length - 1).toBe(true);
    const [debug, info, warn, error] = out.lines();
    expect(debug).toMatchObject({ level: 'debug', msg: 'a debug event', articleId: 'story-1' });
    expect(info).toMatchObject({ level: 'info', msg: 'an info event' });
    expect(warn).toMatchObject({ level: 'warn', msg: 'a warning', updates: 3, text: 'two\nlines' });
    expect(error).toMatchObject({ level: 'error', msg: 'an error', articleId: 'story-2' });
    expect(new Date(info!.time as string).toISOString()).toBe(info!.time);
    expect(info!.pid).toBe(process.pid);
  });

  it('serialises an Error field with its message and stack, under whatever key it is logged', () => {
    const out = capture();
    const log = createLogger('info', { destination: out });
    const failure = new Error('the disk is full', { cause: new Error('ENOSPC') });
    log.error('committing failed', { error: failure, also: new TypeError('second') });
    log.warn('not an error', { error: 'just a string' });
    const [first, second] = out.lines();
    expect(first!.error).toMatchObject({ type: 'Error', message: expect.stringContaining('the disk is full') });
    expect((first!.error as { stack: string }).stack).toContain(failure.stack!);
    expect(first!.also).toMatchObject({ type: 'TypeError', message: 'second' });
    expect(second!.error).toBe('just a string');
  });

  it('drops events below its level, and writes nothing at all when silent', () => {
    const out = capture();
    const log = createLogger('warn', { destination: out });
    log.debug('no');
    log.info('no');
    log.warn('yes');
    log.error('yes');
    expect(out.lines().map((line) => line.level)).toEqual(['warn', 'error']);

    const none = capture();
    const silent = createLogger('silent', { destination: none });
    for (const write of [silent.debug, silent.info, silent.warn, silent.error]) write('never', { error: new Error('x') });
    expect(none.raw).toEqual([]);
  });

  it('writes its lines to the real stderr, never stdout', async () => {
    const run = await runChild('info', `log.info('to stderr', { n: 1 }); log.debug('dropped'); log.error('failed', { error: new Error('boom') }); process.stdout.write('done');`, 'pipe');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('done');
    const lines = run.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['info', 'to stderr'],
      ['error', 'failed'],
    ]);
    expect((lines[1]!.error as { stack: string }).stack).toContain('Error: boom');
  });

  it('never throws nor ends the process when stderr is a full disk (ENOSPC), and keeps no backlog', async () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const run = await runChild(
        'debug',
        `const padding = 'x'.repeat(1000);
         globalThis.gc();
         const before = process.memoryUsage().heapUsed;
         for (let i = 0; i < 20000; i++) log.error('cannot be written', { i, padding, error: new Error('still not') });
         await new Promise((resolve) => setTimeout(resolve, 50));
         log.info('nor this');
         globalThis.gc();
         process.stdout.write(JSON.stringify({ alive: true, keptMb: (process.memoryUsage().heapUsed - before) / 1e6 }));`,
        full,
      );
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { alive: boolean; keptMb: number };
      expect(report.alive).toBe(true);
      // The 20,000 lines are over 20 MB: none of them may stay in memory waiting for the disk.
      expect(report.keptMb).toBeLessThan(4);
    } finally {
      fs.closeSync(full);
    }
  });

  it('never throws nor ends the process when nobody reads stderr any more (EPIPE)', async () => {
    const run = await runChild(
      'info',
      `await new Promise((resolve) => setTimeout(resolve, 100));
       for (let i = 0; i < 1000; i++) log.warn('nobody listens', { i });
       process.stdout.write('alive');`,
      'closed',
    );
    expect(run).toMatchObject({ code: 0, stdout: 'alive' });
  });
});
