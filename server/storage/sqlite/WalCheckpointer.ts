import { Worker } from 'node:worker_threads';
import type { WalCheckpointWorkerData } from './walCheckpointWorker.ts';

// The worker's file beside this one: .ts under tsx (tests, dev), .js in the compiled build.
const WORKER_URL = new URL(`./walCheckpointWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Checkpoints a SQLite database's write-ahead log from a worker thread, so copying the log into
 * the database file (and its fsync) never runs on the event loop in the middle of a keystroke's
 * commit. The server's own connection turns automatic checkpoints off (`wal_autocheckpoint = 0`).
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #stopped: Promise<void> | null = null;

  constructor(path: string, intervalMs = 2_000) {
    const data: WalCheckpointWorkerData = { path, intervalMs };
    this.#worker = new Worker(WORKER_URL, { workerData: data });
    this.#worker.unref();
  }

  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      const done = () => resolve();
      this.#worker.once('exit', done);
      this.#worker.once('error', done);
      this.#worker.once('message', () => void this.#worker.terminate().then(done, done));
      this.#worker.postMessage('stop');
      setTimeout(() => void this.#worker.terminate().then(done, done), 5_000).unref();
    });
    return this.#stopped;
  }
}
