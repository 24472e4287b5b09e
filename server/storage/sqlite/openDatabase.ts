import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../../config.ts';
import { DatabaseInUseError } from '../DatabaseInUseError.ts';
import { migrations } from './migrations.ts';

/** The database file inside a data folder. */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'copydesk.sqlite');
}

/**
 * Opens (creating when needed) the SQLite database in `dataDir`, in WAL mode, and brings its
 * schema up to date. With WAL, a committed transaction is in the log file before the call
 * returns, so it survives `kill -9` of the process even with `synchronous=NORMAL`.
 * With `locking: 'exclusive'` the connection takes the file for itself as it opens and keeps it
 * until it closes (the WAL index in its own memory, no `-shm` file): a file another connection
 * holds that way throws DatabaseInUseError, after `busy_timeout`.
 */
export function openDatabase(
  dataDir: string,
  options: { synchronous?: Config['sqliteSynchronous']; locking?: Config['sqliteLocking'] } = {},
): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = !fs.existsSync(databasePath(dataDir));
  const db = new Database(databasePath(dataDir));
  try {
    prepare(db, fresh, options);
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(databasePath(dataDir));
    throw error;
  }
  return db;
}

function prepare(db: Database.Database, fresh: boolean, options: { synchronous?: Config['sqliteSynchronous']; locking?: Config['sqliteLocking'] }): void {
  db.pragma('busy_timeout = 5000');
  // Before the first read: a connection that starts out exclusive keeps the WAL index in its own memory.
  if (options.locking === 'exclusive') db.pragma('locking_mode = EXCLUSIVE');
  // The smallest pages SQLite has, for a new database: a keystroke's commit rewrites one page of the
  // update log, so the page size is what each keystroke writes to disk. 512 bytes against 1 KiB cut
  // the bench's bytes per keystroke by a quarter (bench/README.md). An existing file keeps its size.
  if (fresh) db.pragma('page_size = 512');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // Checkpoint the write-ahead log every 4 MiB rather than every 1,000 pages: the pages typing
  // rewrites again and again are copied to the database file once per checkpoint, not once per commit.
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${(4 * 1024 * 1024) / pageSize}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database schema is version ${current}, newer than this server knows (${migrations.length}). Upgrade Copydesk.`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
