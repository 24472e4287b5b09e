import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocStore, PendingUpdate, StoredDoc, StoredStateReader } from '../DocStore.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/**
 * DocStore on SQLite: `doc_updates` is the append-only log (keyed by story and sequence, so one
 * commit touches one page per story), `doc_snapshots` the compacted state.
 */
export class SqliteDocStore implements DocStore, StoredStateReader {
  readonly #snapshot: Database.Statement<[string], { data: Buffer }>;
  readonly #rows: Database.Statement<[string], UpdateRow>;
  readonly #insert: Database.Statement<[string, Uint8Array, string]>;
  readonly #upsertSnapshot: Database.Statement<[string, Uint8Array, string]>;
  readonly #deleteUpTo: Database.Statement<[string, number]>;
  readonly #appendAll: (updates: readonly PendingUpdate[]) => void;
  readonly #compact: (articleId: string) => number;
  readonly #load: (articleId: string) => StoredDoc;

  constructor(db: Database.Database) {
    this.#snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE article_id = ?');
    this.#rows = db.prepare('SELECT seq, data FROM doc_updates WHERE article_id = ? ORDER BY seq');
    this.#insert = db.prepare(
      'INSERT INTO doc_updates (article_id, seq, data) SELECT ?, coalesce(max(seq), 0) + 1, ? FROM doc_updates WHERE article_id = ?',
    );
    this.#upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.#deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE article_id = ? AND seq <= ?');

    this.#appendAll = db.transaction((updates: readonly PendingUpdate[]) => {
      for (const { articleId, update } of updates) this.#insert.run(articleId, update, articleId);
    });
    // Both read the snapshot and the rows in one transaction so they see one consistent state.
    this.#load = db.transaction((articleId: string) => {
      const { snapshot, rows } = this.#read(articleId);
      if (!snapshot && rows.length === 0) return { state: null, logLength: 0 };
      return { state: Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...rows.map((row) => row.data)]), logLength: rows.length };
    });
    this.#compact = db.transaction((articleId: string) => {
      const { snapshot, rows } = this.#read(articleId);
      if (rows.length === 0) return 0;
      const merged = Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...rows.map((row) => row.data)]);
      this.#upsertSnapshot.run(articleId, merged, new Date().toISOString());
      // Exactly the rows merged above: anything appended later keeps its row.
      this.#deleteUpTo.run(articleId, rows[rows.length - 1]!.seq);
      return rows.length;
    });
  }

  async load(articleId: string): Promise<StoredDoc> {
    return this.#load(articleId);
  }

  readStateNow(articleId: string): Uint8Array | null {
    return this.#load(articleId).state;
  }

  async appendAll(updates: readonly PendingUpdate[]): Promise<void> {
    if (updates.length > 0) this.#appendAll(updates);
  }

  async compact(articleId: string): Promise<number> {
    return this.#compact(articleId);
  }

  #read(articleId: string): { snapshot: Uint8Array | null; rows: UpdateRow[] } {
    const snapshot = this.#snapshot.get(articleId)?.data ?? null;
    return { snapshot: snapshot ? new Uint8Array(snapshot) : null, rows: this.#rows.all(articleId) };
  }
}
