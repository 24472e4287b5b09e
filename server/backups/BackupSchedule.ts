import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.ts';

/** What the backup schedule reports. */
export interface BackupMetrics {
  /** A checked copy was written at `at`. */
  backupWritten(at: Date): void;
  /** A backup failed (nothing was left behind). */
  backupFailed(): void;
}

/** One backup in the folder. */
export interface BackupFile {
  /** Full path of the copy. */
  file: string;
  bytes: number;
  /** When the copy began (from its name). */
  takenAt: Date;
}

/** One backup written by the schedule. */
export interface BackupWritten extends BackupFile {
  tookMs: number;
}

export interface BackupScheduleOptions {
  /** Folder the copies go to (created when missing). */
  dir: string;
  /** Time between two backups, in ms; the first is taken when the schedule starts. */
  everyMs: number;
  /** Copies kept; older ones are deleted once a new one is written. */
  keep: number;
  /** Writes a checked copy of the database to a file and answers its size (Storage.backup). */
  backup: (destination: string) => Promise<number>;
  log: Logger;
  metrics?: BackupMetrics;
  now?: () => Date;
}

const PREFIX = 'copydesk-';
const SUFFIX = '.sqlite';
const PARTIAL = '.partial';
/** copydesk-20261207T120000.123Z.sqlite: the moment the copy began, in UTC, sorting as it reads. */
const BACKUP_NAME = /^copydesk-\d{8}T\d{6}\.\d{3}Z\.sqlite$/;

/** The file name of a copy begun at `at`. */
export function backupFileName(at: Date): string {
  return `${PREFIX}${at.toISOString().replace(/[-:]/g, '')}${SUFFIX}`;
}

/** When the copy named `name` began (the inverse of backupFileName). */
function takenAtOf(name: string): Date {
  const [, y, mo, d, h, mi, sec] = /^copydesk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2}\.\d{3})Z/.exec(name)!;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}Z`);
}

/**
 * Copies the database into `dir` when it starts and every `everyMs` after, while the server keeps
 * serving: each copy is written under a `.partial` name, checked, then renamed, so a file with a
 * backup's name is always a whole, checked database (a crash mid-copy leaves a `.partial`, removed
 * at the next start). The newest `keep` copies stay. One backup runs at a time. A failure is logged
 * and counted and the next one is tried on time; the server is never stopped by it.
 */
export class BackupSchedule {
  readonly #options: BackupScheduleOptions;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<BackupWritten> | null = null;
  #stopped = false;

  constructor(options: BackupScheduleOptions) {
    this.#options = options;
  }

  /** Time between two backups, in ms. */
  get everyMs(): number {
    return this.#options.everyMs;
  }

  /** How many copies are kept. */
  get keep(): number {
    return this.#options.keep;
  }

  /** The copies in the folder, newest first (none while it does not exist). */
  async list(): Promise<BackupFile[]> {
    const { dir } = this.#options;
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => BACKUP_NAME.test(name)).sort().reverse();
    const listed: BackupFile[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      // Pruned meanwhile: left out.
      const stat = await fs.stat(file).catch(() => null);
      if (stat) listed.push({ file, bytes: stat.size, takenAt: takenAtOf(name) });
    }
    return listed;
  }

  /** Takes the first backup now (in the background) and the next ones every `everyMs`. */
  start(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => void this.#scheduled(), this.#options.everyMs);
    this.#timer.unref();
    void this.#removePartials().then(() => this.#scheduled());
  }

  /**
   * Writes one backup now, or joins the one running; rejects when it fails (and logs and counts
   * it like a scheduled one).
   */
  takeNow(): Promise<BackupWritten> {
    if (this.#stopped) return Promise.reject(new Error('backups are stopped'));
    this.#running ??= this.#take().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** No backup starts any more; resolves once the one running (if any) has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }

  async #scheduled(): Promise<void> {
    if (this.#stopped) return;
    await this.takeNow().catch(() => undefined);
  }

  async #take(): Promise<BackupWritten> {
    const { dir, backup, log, metrics, now = () => new Date() } = this.#options;
    const began = now();
    const file = path.join(dir, backupFileName(began));
    const partial = file + PARTIAL;
    const start = performance.now();
    try {
      await fs.mkdir(dir, { recursive: true });
      const bytes = await backup(partial);
      await fs.rename(partial, file);
      const tookMs = Math.round(performance.now() - start);
      metrics?.backupWritten(began);
      log.info('backup written', { file, bytes, tookMs });
      await this.#prune();
      return { file, bytes, takenAt: began, tookMs };
    } catch (error) {
      await fs.rm(partial, { force: true }).catch(() => undefined);
      metrics?.backupFailed();
      log.error('backup failed; the next one is tried on schedule', { dir, error });
      throw error;
    }
  }

  /** Deletes all but the newest `keep` copies (only files named like a backup). */
  async #prune(): Promise<void> {
    const { dir, keep, log } = this.#options;
    const names = (await fs.readdir(dir)).filter((name) => BACKUP_NAME.test(name)).sort();
    for (const name of names.slice(0, Math.max(0, names.length - keep))) {
      await fs.rm(path.join(dir, name), { force: true }).catch((error: unknown) => log.warn('deleting an old backup failed', { name, error }));
    }
  }

  /** Copies a crash left unfinished. */
  async #removePartials(): Promise<void> {
    const { dir } = this.#options;
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX + PARTIAL)) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
    }
  }
}
