import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocStore, PendingUpdate, StoredDoc } from '../DocStore.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/**
 * DocStore on SQLite: `doc_updates` is the append-only log in commit order (its rowid is the
 * sequence: a grouped commit appends to the table's last page), `doc_snapshots` the compacted state.
 * The log has no index by story: loading a story scans it once, and the store remembers which rows
 * each story it loaded has since, so a compaction reads and deletes exactly those rows by key.
 * Only this process writes the file, so that list is complete.
 */
export class SqliteDocStore implements DocStore {
  readonly #snapshot: Database.Statement<[string], { data: Buffer }>;
  readonly #rows: Database.Statement<[string], UpdateRow>;
  readonly #rowBySeq: Database.Statement<[number], { data: Buffer; article_id: string }>;
  readonly #insert: Database.Statement<[string, Uint8Array]>;
  readonly #upsertSnapshot: Database.Statement<[string, Uint8Array, string]>;
  readonly #deleteSeq: Database.Statement<[number]>;
  readonly #appendAll: (updates: readonly PendingUpdate[]) => Array<number | bigint>;
  readonly #compact: (articleId: string) => number[];
  readonly #load: (articleId: string) => { doc: StoredDoc; seqs: number[] };
  /** Sequence numbers of each loaded story's rows in the log, oldest first. */
  readonly #seqs = new Map<string, number[]>();

  constructor(db: Database.Database) {
    this.#snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE article_id = ?');
    this.#rows = db.prepare('SELECT seq, data FROM doc_updates WHERE article_id = ? ORDER BY seq');
    this.#rowBySeq = db.prepare('SELECT data, article_id FROM doc_updates WHERE seq = ?');
    this.#insert = db.prepare('INSERT INTO doc_updates (article_id, data) VALUES (?, ?)');
    this.#upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.#deleteSeq = db.prepare('DELETE FROM doc_updates WHERE seq = ?');

    this.#appendAll = db.transaction((updates: readonly PendingUpdate[]) =>
      updates.map(({ articleId, update }) => this.#insert.run(articleId, update).lastInsertRowid),
    );
    // Both read the snapshot and the rows in one transaction so they see one consistent state.
    this.#load = db.transaction((articleId: string) => {
      const snapshot = this.#snapshot.get(articleId)?.data ?? null;
      const rows = this.#rows.all(articleId);
      const seqs = rows.map((row) => row.seq);
      if (!snapshot && rows.length === 0) return { doc: { state: null, logLength: 0 }, seqs };
      const state = Y.mergeUpdates([...(snapshot ? [new Uint8Array(snapshot)] : []), ...rows.map((row) => row.data)]);
      return { doc: { state, logLength: rows.length }, seqs };
    });
    this.#compact = db.transaction((articleId: string) => {
      const known = this.#seqs.get(articleId);
      const rows = known ? this.#rowsBySeq(articleId, known) : this.#rows.all(articleId);
      if (rows.length === 0) return [];
      const snapshot = this.#snapshot.get(articleId)?.data ?? null;
      const merged = Y.mergeUpdates([...(snapshot ? [new Uint8Array(snapshot)] : []), ...rows.map((row) => row.data)]);
      this.#upsertSnapshot.run(articleId, merged, new Date().toISOString());
      // Exactly the rows merged above: anything appended later keeps its row.
      for (const row of rows) this.#deleteSeq.run(row.seq);
      return rows.map((row) => row.seq);
    });
  }

  async load(articleId: string): Promise<StoredDoc> {
    const { doc, seqs } = this.#load(articleId);
    this.#seqs.set(articleId, seqs);
    return doc;
  }

  async appendAll(updates: readonly PendingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const seqs = this.#appendAll(updates);
    updates.forEach(({ articleId }, i) => this.#seqs.get(articleId)?.push(Number(seqs[i])));
  }

  async compact(articleId: string): Promise<number> {
    const merged = this.#compact(articleId);
    const known = this.#seqs.get(articleId);
    if (known && merged.length > 0) {
      const gone = new Set(merged);
      this.#seqs.set(articleId, known.filter((seq) => !gone.has(seq)));
    }
    return merged.length;
  }

  release(articleId: string): void {
    this.#seqs.delete(articleId);
  }

  #rowsBySeq(articleId: string, seqs: readonly number[]): UpdateRow[] {
    const rows: UpdateRow[] = [];
    for (const seq of seqs) {
      const row = this.#rowBySeq.get(seq);
      if (row && row.article_id === articleId) rows.push({ seq, data: row.data });
    }
    return rows;
  }
}
