import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { storedBytes } from '../storage/sqlite/deflated.ts';

/**
 * A story's stored Yjs state read straight from SQLite, synchronously (snapshot merged with the
 * update log), or null when nothing is stored. For tests only: the server reads through DocStore.load.
 */
export function readStoredState(db: Database.Database, articleId: string): Uint8Array | null {
  const snapshot = db.prepare('SELECT data, deflated FROM doc_snapshots WHERE article_id = ?').get(articleId) as
    | { data: Buffer; deflated: number }
    | undefined;
  const rows = db.prepare('SELECT data FROM doc_updates WHERE article_id = ? ORDER BY seq').all(articleId) as Array<{ data: Buffer }>;
  if (!snapshot && rows.length === 0) return null;
  return Y.mergeUpdates([...(snapshot ? [storedBytes(snapshot.data, snapshot.deflated)] : []), ...rows.map((row) => row.data)]);
}
