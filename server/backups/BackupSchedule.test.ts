import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSqlite } from '../storage/sqlite/backupSqlite.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { BackupSchedule, backupFileName, type BackupMetrics } from './BackupSchedule.ts';

const openDatabaseCopy = (file: string) => new Database(file, { readonly: true, fileMustExist: true });
const silent = { debug() {}, info() {}, warn() {}, error() {} };

class CountingMetrics implements BackupMetrics {
  written: Date[] = [];
  failed = 0;
  backupWritten(at: Date): void {
    this.written.push(at);
  }
  backupFailed(): void {
    this.failed += 1;
  }
}

describe('BackupSchedule on a real SQLite database', () => {
  let root: string;
  let db: Database.Database;
  let clock: number;
  const now = () => new Date(clock);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-backups-'));
    db = openDatabase(path.join(root, 'data'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    clock = Date.parse('2026-12-07T12:00:00.000Z');
  });
  afterEach(() => {
    db.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const schedule = (overrides: Partial<ConstructorParameters<typeof BackupSchedule>[0]> = {}) =>
    new BackupSchedule({ dir: path.join(root, 'backups'), everyMs: 3_600_000, keep: 3, backup: (to) => backupSqlite(db, to), log: silent, now, ...overrides });

  it('writes a whole, checked copy under a name that sorts by time, as one file', async () => {
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('storm warning');
    const metrics = new CountingMetrics();
    const written = await schedule({ metrics }).takeNow();
    expect(path.basename(written.file)).toBe('copydesk-20261207T120000.000Z.sqlite');
    expect(written.bytes).toBe(fs.statSync(written.file).size);
    expect(fs.readdirSync(path.join(root, 'backups'))).toEqual([path.basename(written.file)]);
    const copy = openDatabaseCopy(written.file);
    expect(copy.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'storm warning' }]);
    copy.close();
    expect(metrics.written).toEqual([now()]);
  });

  it('holds a consistent state: everything before it, and the commits made while it was copied, in order', async () => {
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    // Enough pages that the copy takes many steps, with the event loop free between them.
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(`before ${i} ${'x'.repeat(200)}`);
    })();
    let during = 0;
    let copying = true;
    const writer = (async () => {
      while (copying) {
        insert.run(`during ${during}`);
        during += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const written = await schedule().takeNow();
    copying = false;
    await writer;
    const copy = openDatabaseCopy(written.file);
    const before = copy.prepare("SELECT count(*) AS n FROM notes WHERE body LIKE 'before %'").get() as { n: number };
    const carried = (copy.prepare("SELECT body FROM notes WHERE body LIKE 'during %' ORDER BY id").all() as Array<{ body: string }>).map((row) => row.body);
    copy.close();
    expect(before.n).toBe(4000);
    // Commits made between the copy's steps are carried into it, and what it holds is a prefix of them.
    expect(carried.length).toBeGreaterThan(0);
    expect(carried).toEqual(Array.from({ length: carried.length }, (_, i) => `during ${i}`));
  });

  it('keeps the newest copies and deletes older ones, leaving other files alone', async () => {
    const backups = schedule({ keep: 2 });
    fs.mkdirSync(path.join(root, 'backups'));
    fs.writeFileSync(path.join(root, 'backups', 'notes.txt'), 'an operator’s file');
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock += 60_000;
      names.push(path.basename((await backups.takeNow()).file));
    }
    expect(fs.readdirSync(path.join(root, 'backups')).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
    const listed = await backups.list();
    expect(listed.map((backup) => path.basename(backup.file))).toEqual([names[3], names[2]]);
    expect(listed.map((backup) => backup.takenAt)).toEqual([now(), new Date(clock - 60_000)]);
  });

  it('fails without leaving anything behind, counts it, and writes the next one once it can', async () => {
    const metrics = new CountingMetrics();
    // The folder cannot be made: a file has its name.
    fs.writeFileSync(path.join(root, 'backups'), 'in the way');
    const backups = schedule({ metrics });
    await expect(backups.takeNow()).rejects.toThrow();
    expect(metrics.failed).toBe(1);
    fs.rmSync(path.join(root, 'backups'));
    clock += 60_000;
    const written = await backups.takeNow();
    expect(fs.readdirSync(path.join(root, 'backups'))).toEqual([path.basename(written.file)]);
    expect(metrics.written).toHaveLength(1);
  });

  it('leaves no half-written copy when the copy fails midway', async () => {
    const metrics = new CountingMetrics();
    const backups = schedule({
      metrics,
      backup: async (to) => {
        fs.writeFileSync(to, 'half a database');
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(backups.takeNow()).rejects.toThrow();
    expect(fs.readdirSync(path.join(root, 'backups'))).toEqual([]);
    expect(metrics.failed).toBe(1);
  });

  it('takes the first backup when started, removes what a crash left half-written, and stops', async () => {
    fs.mkdirSync(path.join(root, 'backups'));
    const leftover = `${backupFileName(new Date(clock - 3_600_000))}.partial`;
    fs.writeFileSync(path.join(root, 'backups', leftover), 'half a copy');
    const metrics = new CountingMetrics();
    const backups = schedule({ metrics });
    backups.start();
    for (let i = 0; i < 200 && metrics.written.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await backups.stop();
    expect(fs.readdirSync(path.join(root, 'backups'))).toEqual([backupFileName(now())]);
    await expect(backups.takeNow()).rejects.toThrow('stopped');
  });

  it('runs one backup at a time: a request while one runs joins it', async () => {
    const backups = schedule();
    const [a, b] = await Promise.all([backups.takeNow(), backups.takeNow()]);
    expect(b).toBe(a);
  });
});
