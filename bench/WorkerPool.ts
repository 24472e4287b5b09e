import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker, WorkerReport, WriterSpec } from './workerProtocol.ts';

const WORKER_FILE = fileURLToPath(new URL('./writerWorker.ts', import.meta.url));

/**
 * Writer processes driven in lockstep: connect every writer, start typing, stop, collect.
 * Writers are dealt round-robin, so the writers of one story sit in different processes.
 */
export class WorkerPool {
  private readonly children: ChildProcess[];
  private readonly shares: WriterSpec[][];

  constructor(writers: WriterSpec[], processes: number) {
    const count = Math.max(1, Math.min(processes, writers.length));
    this.shares = Array.from({ length: count }, () => []);
    writers.forEach((w, i) => this.shares[i % count]!.push(w));
    this.children = this.shares.map(() =>
      fork(WORKER_FILE, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  /** Connects every writer (to `collabUrls[spec.server ?? 0]`) and appends its paragraph; resolves when all are synced. */
  async connect(collabUrls: readonly string[], cookie: string | null, trace: string, timeoutMs = 120_000): Promise<void> {
    await Promise.all(
      this.children.map((child, i) => {
        const reply = this.next(child, 'ready', timeoutMs);
        this.post(child, { type: 'connect', collabUrls: [...collabUrls], cookie, trace, writers: this.shares[i]! });
        return reply;
      }),
    );
  }

  /** Starts typing; latencies count for keystrokes sent from `measureFrom` on. */
  start(measureFrom: number, rate: number): void {
    for (const child of this.children) this.post(child, { type: 'start', measureFrom, rate });
  }

  stop(): void {
    for (const child of this.children) this.post(child, { type: 'stop' });
  }

  /** Keystrokes sent and received so far, over all workers. */
  async progress(timeoutMs = 30_000): Promise<{ sent: number; received: number }> {
    const replies = await Promise.all(
      this.children.map((child) => {
        const reply = this.next(child, 'progress', timeoutMs);
        this.post(child, { type: 'progress' });
        return reply as Promise<Extract<FromWorker, { type: 'progress' }>>;
      }),
    );
    return {
      sent: replies.reduce((n, r) => n + r.sent, 0),
      received: replies.reduce((n, r) => n + r.received, 0),
    };
  }

  /** Collects each worker's measurements; the workers then disconnect and exit. */
  async report(timeoutMs = 60_000): Promise<WorkerReport[]> {
    const replies = this.children.map((child) => {
      const reply = this.next(child, 'report', timeoutMs);
      this.post(child, { type: 'report' });
      return reply;
    });
    const reports = await Promise.all(replies);
    await Promise.all(this.children.map((c) => exited(c, 5_000)));
    return reports.map((r) => (r as Extract<FromWorker, { type: 'report' }>).report);
  }

  /** Ends every worker still running (after a failure). */
  kill(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
  }

  private post(child: ChildProcess, message: ToWorker): void {
    child.send(message);
  }

  private next(child: ChildProcess, type: FromWorker['type'], timeoutMs: number): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Writer process ${child.pid} sent no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: FromWorker) => {
        if (message.type === 'error') {
          cleanup();
          reject(new Error(`Writer process ${child.pid}: ${message.message}`));
        } else if (message.type === type) {
          cleanup();
          resolve(message);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`Writer process ${child.pid} exited (${code}) before '${type}'`));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
