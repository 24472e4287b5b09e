import type Database from 'better-sqlite3';

/** An empty Yjs update (no structs, no deletions): what a placeholder row holds. */
const EMPTY_UPDATE = Buffer.from([0, 0]);

/**
 * Keeps the update log's highest sequence at or above every snapshot's `through_seq`. SQLite
 * numbers a new `doc_updates` row one above the highest row left, so once the sweep or an erased
 * story has deleted the newest rows, a new row could get a sequence a snapshot already holds, and
 * every load would skip it. When the highest snapshot is above the log, a placeholder row (an empty
 * update of that snapshot's story, at its `through_seq`, which loads skip) keeps the log's head there.
 * Call it in the transaction that deleted rows, so no other server's row comes in between.
 */
export function keepLogHead(db: Database.Database): void {
  db.prepare(
    `INSERT INTO doc_updates (seq, article_id, data)
     SELECT through_seq, article_id, ? FROM doc_snapshots
     WHERE through_seq > coalesce((SELECT max(seq) FROM doc_updates), 0)
     ORDER BY through_seq DESC LIMIT 1`,
  ).run(EMPTY_UPDATE);
}
