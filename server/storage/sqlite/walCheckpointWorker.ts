import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What WalCheckpointer starts this worker with. */
export interface WalCheckpointWorkerData {
  path: string;
  intervalMs: number;
}

// The worker behind WalCheckpointer: its own connection copies the write-ahead log into the
// database file on a timer (PASSIVE: never waits for, nor blocks, the server's writes).
const { path, intervalMs } = workerData as WalCheckpointWorkerData;
const db = new Database(path);
db.pragma('busy_timeout = 1000');
db.pragma('wal_autocheckpoint = 0');

const checkpoint = (): void => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failing: the next tick tries again; the log only grows meanwhile.
  }
};
const timer = setInterval(checkpoint, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort?.postMessage('stopped');
  parentPort?.close();
});
