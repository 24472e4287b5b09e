import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../migrations.ts';

/** A temporary SQLite file with every migration applied, for tests. */
export function openVersionsTestDatabase(): { db: Database.Database; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-versions-'));
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

/** Inserts a bare story row (no document) so version rows can reference it. */
export function insertVersionsTestArticle(db: Database.Database, id: string): void {
  const at = '2024-05-01T08:00:00.000Z';
  db.prepare(`INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(id, `Story ${id}`, at, at);
}
