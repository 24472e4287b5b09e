import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from './config.ts';
import { backupSqlite } from './storage/sqlite/backupSqlite.ts';
import { databasePath } from './storage/sqlite/openDatabase.ts';

/**
 * `npm run backup -- FILE`: writes a checked copy of the SQLite database in DATA_DIR to FILE, while
 * no server runs on it or beside a server with SQLITE_LOCKING=normal (it reads the file beside the
 * server; every commit up to the end of the copy is in it). A server that holds its file (the
 * default) makes its own copies: the command says so. Refuses to overwrite FILE, and with
 * DATABASE_URL set. Exit code 0 once the copy is whole and checked, 1 otherwise.
 */
async function main(argv: readonly string[]): Promise<string> {
  const target = argv[0];
  if (!target || argv.length > 1) throw new UsageError('Usage: npm run backup -- FILE   (a new file for the copy)');
  const config = loadConfig();
  if (config.databaseUrl) throw new UsageError('DATABASE_URL is set: back up PostgreSQL with its own tools (pg_dump, base backups).');
  const destination = path.resolve(target);
  if (fs.existsSync(destination)) throw new UsageError(`${destination} exists already: name a new file.`);
  const source = databasePath(config.dataDir);
  if (!fs.existsSync(source)) throw new UsageError(`No Copydesk database at ${source} (DATA_DIR).`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    holdsTheFile(db, source);
    const bytes = await backupSqlite(db, destination);
    return `Copydesk database copied to ${destination} (${bytes} bytes, checked).\n`;
  } finally {
    db.close();
  }
}

/** Reads the file once: a server holding it (SQLITE_LOCKING=exclusive, the default) shuts every other connection out. */
function holdsTheFile(db: Database.Database, source: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    throw new UsageError(
      `A Copydesk server holds ${source} (SQLITE_LOCKING=exclusive, the default), so only it can copy the database: ` +
        'POST /api/backups as an admin, "Back up now" on the Manage users page, or BACKUP_DIR. Nothing was written.',
    );
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (message) => process.stdout.write(message),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError;
    process.stderr.write(`Backup failed: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
    process.exit(1);
  },
);
