import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../migrations.ts';

/** A temporary SQLite file with every migration applied in order, for tests. */
export function openTestDatabase(): { db: Database.Database; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-accounts-'));
  const db = new Database(path.join(dir, 'test.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const sql of migrations) db.exec(sql);
  return {
    db,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
