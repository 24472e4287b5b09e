import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The driver's resolved path, so the worker loads the same better-sqlite3 wherever the server runs from. */
const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain JavaScript, evaluated by the worker: no loader is needed under tsx, vitest or the compiled build.
// Its own connection copies the write-ahead log into the database file on a timer (PASSIVE: it
// never waits for, nor blocks, the server's writes); busy or failing, it tries again next tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
`;

/**
 * Checkpoints a SQLite database's write-ahead log from a worker thread, so copying the log into
 * the database file (and its fsync) never runs on the event loop in the middle of a keystroke's
 * commit. The server's own connection turns automatic checkpoints off (`wal_autocheckpoint = 0`).
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #stopped: Promise<void> | null = null;

  constructor(path: string, intervalMs = 2_000) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs, driver: DRIVER } });
    this.#worker.on('error', () => {
      // A worker that cannot open the database leaves the log to grow until the server restarts;
      // the server's own close still checkpoints it.
    });
    this.#worker.unref();
  }

  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      const done = () => resolve();
      this.#worker.once('exit', done);
      this.#worker.once('message', () => void this.#worker.terminate().then(done, done));
      this.#worker.postMessage('stop');
      setTimeout(() => void this.#worker.terminate().then(done, done), 5_000).unref();
    });
    return this.#stopped;
  }
}
