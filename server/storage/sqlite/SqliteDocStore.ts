import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocStore, PendingUpdate, StoredDoc } from '../DocStore.ts';
import { deflated, storedBytes } from './deflated.ts';
import { keepLogHead } from './keepLogHead.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/** How long the log must go without a compaction before compacted rows are swept out. */
export const SWEEP_QUIET_MS = 1000;
/** The longest compacted rows wait for their sweep while compactions keep coming. */
export const SWEEP_MAX_WAIT_MS = 30_000;

/**
 * DocStore on SQLite: `doc_updates` is the append-only log in commit order (its rowid is the
 * sequence: a grouped commit appends to the table's last page), `doc_snapshots` the compacted state.
 * The log has no index by story: loading a story scans it once, and the store remembers which rows
 * each story it loaded has since, so a compaction reads exactly those rows by key. That list is
 * complete only while this process alone writes the file: with `sharedFile` (several servers on
 * one file, joined through Redis) a compaction scans the log for the story's rows instead, or it
 * would mark rows another server appended as held by the snapshot without merging them.
 *
 * A compaction does not delete the rows it merged: the snapshot records the last sequence it holds
 * (`through_seq`) and loads skip rows at or below it. The log interleaves every open story's
 * keystrokes, so deleting one story's rows would rewrite one page per row; instead a sweep deletes
 * every row its story's snapshot holds, once the log went SWEEP_QUIET_MS without a compaction (at
 * most SWEEP_MAX_WAIT_MS after the first one), rewriting each page at most once and freeing the
 * pages it empties whole. A row is only ever deleted when its snapshot holds it, so a sweep that
 * never runs (a crash) loses nothing.
 */
export class SqliteDocStore implements DocStore {
  readonly #db: Database.Database;
  readonly #snapshot: Database.Statement<[string], { data: Buffer; through_seq: number; deflated: number }>;
  readonly #rows: Database.Statement<[string, number], UpdateRow>;
  readonly #rowBySeq: Database.Statement<[number], { data: Buffer; article_id: string }>;
  readonly #insert: Database.Statement<[string, Uint8Array]>;
  readonly #upsertSnapshot: Database.Statement<[string, Buffer, string, number]>;
  readonly #sweep: (through: number) => number;
  readonly #appendAll: (updates: readonly PendingUpdate[]) => Array<number | bigint>;
  readonly #compact: Database.Transaction<(articleId: string) => number[]>;
  readonly #load: (articleId: string) => { doc: StoredDoc; seqs: number[] };
  /** Each loaded story's rows in the log (sequence numbers, oldest first), and how many loads hold it. */
  readonly #loaded = new Map<string, { seqs: number[]; holds: number }>();
  /** The highest sequence a compaction merged since the last sweep (0: nothing to sweep). */
  #sweepThrough = 0;
  #sweepTimer: NodeJS.Timeout | null = null;
  #firstUnswept = 0;

  readonly #sharedFile: boolean;

  constructor(db: Database.Database, options: { sharedFile?: boolean } = {}) {
    this.#db = db;
    this.#sharedFile = options.sharedFile ?? false;
    this.#snapshot = db.prepare('SELECT data, through_seq, deflated FROM doc_snapshots WHERE article_id = ?');
    this.#rows = db.prepare('SELECT seq, data FROM doc_updates WHERE article_id = ? AND seq > ? ORDER BY seq');
    this.#rowBySeq = db.prepare('SELECT data, article_id FROM doc_updates WHERE seq = ?');
    this.#insert = db.prepare('INSERT INTO doc_updates (article_id, data) VALUES (?, ?)');
    this.#upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (article_id, data, updated_at, through_seq, deflated) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (article_id) DO UPDATE SET
         data = excluded.data, updated_at = excluded.updated_at, through_seq = excluded.through_seq, deflated = 1`,
    );
    const sweep = db.prepare<[number]>(
      `DELETE FROM doc_updates WHERE seq <= ?
       AND seq <= (SELECT through_seq FROM doc_snapshots WHERE doc_snapshots.article_id = doc_updates.article_id)`,
    );
    this.#sweep = db.transaction((through: number) => {
      const { changes } = sweep.run(through);
      keepLogHead(db);
      return changes;
    });
    // A log swept bare before the log's head was kept (an older server) gets it back.
    keepLogHead(db);

    this.#appendAll = db.transaction((updates: readonly PendingUpdate[]) =>
      updates.map(({ articleId, update }) => this.#insert.run(articleId, update).lastInsertRowid),
    );
    // Both read the snapshot and the rows in one transaction so they see one consistent state.
    this.#load = db.transaction((articleId: string) => {
      const stored = this.#snapshot.get(articleId);
      const snapshot = stored ? storedBytes(stored.data, stored.deflated) : null;
      const rows = this.#rows.all(articleId, stored?.through_seq ?? 0);
      const seqs = rows.map((row) => row.seq);
      if (!snapshot && rows.length === 0) return { doc: { state: null, logLength: 0 }, seqs };
      const state = Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...rows.map((row) => row.data)]);
      return { doc: { state, logLength: rows.length }, seqs };
    });
    this.#compact = db.transaction((articleId: string) => {
      const stored = this.#snapshot.get(articleId);
      const known = this.#sharedFile ? undefined : this.#loaded.get(articleId)?.seqs;
      const rows = known ? this.#rowsBySeq(articleId, known) : this.#rows.all(articleId, stored?.through_seq ?? 0);
      if (rows.length === 0) return [];
      const snapshot = stored ? storedBytes(stored.data, stored.deflated) : null;
      const merged = Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...rows.map((row) => row.data)]);
      // The rows are the story's every row after the old snapshot, in order: the new one holds
      // them all, up to the last. Anything appended later is after it.
      this.#upsertSnapshot.run(articleId, deflated(merged), new Date().toISOString(), rows.at(-1)!.seq);
      return rows.map((row) => row.seq);
    });
  }

  async load(articleId: string): Promise<StoredDoc> {
    const { doc, seqs } = this.#load(articleId);
    const loaded = this.#loaded.get(articleId);
    if (loaded) {
      loaded.seqs = seqs;
      loaded.holds += 1;
    } else this.#loaded.set(articleId, { seqs, holds: 1 });
    return doc;
  }

  async appendAll(updates: readonly PendingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    // One row (a keystroke on a quiet server) is its own transaction: no BEGIN and COMMIT around it.
    const seqs = updates.length === 1 ? [this.#insert.run(updates[0]!.articleId, updates[0]!.update).lastInsertRowid] : this.#appendAll(updates);
    updates.forEach(({ articleId }, i) => this.#loaded.get(articleId)?.seqs.push(Number(seqs[i])));
  }

  async compact(articleId: string): Promise<number> {
    // On a shared file the write lock is taken first: the rows read are all the story has.
    const merged = this.#sharedFile ? this.#compact.immediate(articleId) : this.#compact(articleId);
    const loaded = this.#loaded.get(articleId);
    if (loaded && merged.length > 0) {
      const gone = new Set(merged);
      loaded.seqs = loaded.seqs.filter((seq) => !gone.has(seq));
    }
    if (merged.length > 0) this.#sweepLater(merged.at(-1)!);
    return merged.length;
  }

  /**
   * Deletes every log row its story's snapshot holds, up to the last compaction's. Runs by itself
   * after compactions (see the class); returns how many rows went.
   */
  sweep(): number {
    if (this.#sweepTimer) clearTimeout(this.#sweepTimer);
    this.#sweepTimer = null;
    const through = this.#sweepThrough;
    this.#sweepThrough = 0;
    if (through === 0 || !this.#db.open) return 0;
    return this.#sweep(through);
  }

  #sweepLater(through: number): void {
    const now = Date.now();
    if (this.#sweepThrough === 0) this.#firstUnswept = now;
    this.#sweepThrough = Math.max(this.#sweepThrough, through);
    if (this.#sweepTimer) clearTimeout(this.#sweepTimer);
    const wait = Math.max(0, Math.min(SWEEP_QUIET_MS, this.#firstUnswept + SWEEP_MAX_WAIT_MS - now));
    this.#sweepTimer = setTimeout(() => {
      try {
        this.sweep();
      } catch {
        // A busy or closed database: the rows stay, skipped by loads, and go with the next sweep.
      }
    }, wait);
    this.#sweepTimer.unref();
  }

  release(articleId: string): void {
    const loaded = this.#loaded.get(articleId);
    if (loaded && --loaded.holds <= 0) this.#loaded.delete(articleId);
  }

  /** How many stories the store keeps bookkeeping for (loaded and not yet released). */
  get loadedStories(): number {
    return this.#loaded.size;
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
