import type pg from 'pg';
import * as Y from 'yjs';
import type { DocStore, PendingUpdate, StoredDoc } from '../DocStore.ts';
import { inTransaction } from './inTransaction.ts';

/**
 * First key of the per-story advisory lock compaction takes (`pg_advisory_xact_lock(key, hashtext(id))`);
 * the two-key form never collides with the single-key migration lock.
 */
export const COMPACTION_LOCK_CLASS = 0x636f6d70; // "comp"

const INSERT_ALL = `
  INSERT INTO doc_updates (article_id, data)
  SELECT article_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS batch (article_id, data, position)
  ORDER BY position`;
const SELECT_SNAPSHOT = 'SELECT data FROM doc_snapshots WHERE article_id = $1';
const SELECT_ROWS = 'SELECT seq, data FROM doc_updates WHERE article_id = $1 ORDER BY seq';
const UPSERT_SNAPSHOT = `
  INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES ($1, $2, now())
  ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`;
const DELETE_ROWS = 'DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])';

interface UpdateRow {
  /** bigint, as text. */
  seq: string;
  data: Buffer;
}

/**
 * DocStore on PostgreSQL, for several servers sharing one database. `doc_updates` is the
 * append-only log (its bigserial `seq` is commit order, indexed by story), `doc_snapshots` the
 * compacted state. Nothing is remembered between calls: another server may append or compact
 * the same story at any time, so every verb reads what the database holds.
 */
export class PostgresDocStore implements DocStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** One multi-row INSERT in one statement: all rows or none, `seq` in the order given. */
  async appendAll(updates: readonly PendingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.#pool.query(INSERT_ALL, [updates.map((u) => u.articleId), updates.map((u) => u.update)]);
  }

  /** Snapshot and log rows read in one REPEATABLE READ transaction, so both come from one moment. */
  async load(articleId: string): Promise<StoredDoc> {
    return inTransaction(this.#pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const snapshot = await client.query<{ data: Buffer }>(SELECT_SNAPSHOT, [articleId]);
      const rows = await client.query<UpdateRow>(SELECT_ROWS, [articleId]);
      const parts = [...snapshot.rows, ...rows.rows].map((row) => row.data);
      if (parts.length === 0) return { state: null, logLength: 0 };
      return { state: Y.mergeUpdates(parts), logLength: rows.rows.length };
    });
  }

  /**
   * Under a per-story advisory lock (so two servers compacting one story take turns, and the
   * second reads the first's snapshot), merges the stored snapshot and the committed rows,
   * writes the snapshot and deletes exactly the rows it read: rows appended meanwhile stay.
   * READ COMMITTED on purpose: each statement after the lock sees what was committed before it.
   */
  async compact(articleId: string): Promise<number> {
    return inTransaction(this.#pool, 'BEGIN', async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACTION_LOCK_CLASS, articleId]);
      const rows = await client.query<UpdateRow>(SELECT_ROWS, [articleId]);
      if (rows.rows.length === 0) return 0;
      const snapshot = await client.query<{ data: Buffer }>(SELECT_SNAPSHOT, [articleId]);
      const merged = Y.mergeUpdates([...snapshot.rows, ...rows.rows].map((row) => row.data));
      await client.query(UPSERT_SNAPSHOT, [articleId, merged]);
      const seqs = rows.rows.map((row) => row.seq);
      const deleted = await client.query(DELETE_ROWS, [seqs]);
      // Only a writer ignoring the lock could delete them first; keep its rows rather than guess.
      if (deleted.rowCount !== seqs.length) {
        throw new Error(`Compaction of ${articleId} read ${seqs.length} log rows but deleted ${deleted.rowCount}: rolled back`);
      }
      return seqs.length;
    });
  }
}
