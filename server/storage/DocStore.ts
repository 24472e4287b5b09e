/**
 * Where a story's Yjs state lives: an append-only update log plus a snapshot.
 * The collaboration server needs only these verbs; SQLite implements them (sqlite/),
 * PostgreSQL can later, passing the same contract test.
 */
export interface DocStore {
  /** The story's whole state as one Yjs update (snapshot merged with every logged update), or null when none is stored. */
  load(articleId: string): Uint8Array | null;
  /**
   * Appends one accepted update to the story's log, durably, before it is broadcast: one write,
   * nothing read back. Callers that decide on compaction count appends themselves (see logLength).
   */
  append(articleId: string, update: Uint8Array): void;
  /**
   * Merges the *stored* snapshot and log rows into a new snapshot and deletes those rows, in one
   * transaction. Returns how many log rows it merged (0 when the log was empty).
   */
  compact(articleId: string): number;
  /** How many updates the story's log holds since its snapshot: read once when a story loads. */
  logLength(articleId: string): number;
}
