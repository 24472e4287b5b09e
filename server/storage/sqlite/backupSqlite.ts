import fs from 'node:fs/promises';
import Database from 'better-sqlite3';

/**
 * Writes a consistent copy of the open database `db` to `destination` while the server keeps
 * writing: SQLite's online backup, a hundred pages a step with the event loop free between steps
 * (a commit on `db` during the copy is carried into it, so the copy holds every commit up to its
 * end). The copy is then opened on its own and checked (`PRAGMA quick_check`); a copy that fails
 * the check is deleted and the call throws. Returns the copy's size in bytes.
 */
export async function backupSqlite(db: Database.Database, destination: string): Promise<number> {
  try {
    await db.backup(destination);
    const copy = new Database(destination, { fileMustExist: true });
    try {
      const result = copy.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`the copy failed SQLite's quick_check: ${String(result)}`);
      // A copy is one file: no write-ahead log beside it to lose when it is moved.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return (await fs.stat(destination)).size;
  } catch (error) {
    await fs.rm(destination, { force: true });
    throw error;
  }
}
