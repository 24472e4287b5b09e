/** One accepted update of one story, waiting for its commit. */
export interface PendingUpdate {
  articleId: string;
  update: Uint8Array;
}

/** A story's stored Yjs state, as `DocStore.load` reads it. */
export interface StoredDoc {
  /** Snapshot merged with every logged update; null when nothing is stored. */
  state: Uint8Array | null;
  /** How many updates the log holds since the snapshot. */
  logLength: number;
}

/**
 * Where a story's Yjs state lives: an append-only update log plus a snapshot.
 * The collaboration server needs only these verbs; every implementation passes the same
 * contract suite (docStoreContract.ts). Every verb is asynchronous, so a networked database
 * can fill it.
 */
export interface DocStore {
  /**
   * The story's whole state and the length of its log, read consistently. A store may keep
   * bookkeeping for a loaded story until it is released: pair every load with `release`.
   */
  load(articleId: string): Promise<StoredDoc>;
  /**
   * Appends every update, in order, in ONE transaction, durably: when the promise resolves all
   * are stored; when it rejects none is. Updates of several stories may share one call.
   */
  appendAll(updates: readonly PendingUpdate[]): Promise<void>;
  /**
   * Merges the *stored* snapshot and log rows into a new snapshot and deletes exactly those rows,
   * in one transaction. Resolves with how many log rows it merged (0 when the log was empty).
   */
  compact(articleId: string): Promise<number>;
  /** One `load` of the story is done with (the story left memory, a one-off read ended): once every load is released, forget anything kept for it (optional). */
  release?(articleId: string): void;
}
