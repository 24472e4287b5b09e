/** A notice of words a writer's story did not keep, as stored for her. */
export interface StoredNotice {
  /** Grows with each notice kept (across every story and account of the database). */
  id: number;
  /** The notice's text as sent on the socket (shared/collab/refusalNotice.ts, without its id). */
  notice: string;
  /** ISO 8601, when it was kept. */
  createdAt: string;
}

/** How long a notice no browser of its writer fetched is kept. */
export const NOTICE_KEEP_DAYS = 30;

/**
 * Words the server took out of a story (undone edits) or never put in (typed into a deleted
 * block), kept for their writer until one of her browsers has them. Her socket may drop before the
 * notice it was sent arrives; the words are in no story, so this is their only copy: her browser
 * asks for what is kept on every (re)connection and says when it has them. One row per notice.
 */
export interface WordsBackStore {
  /** Keeps a notice for the account `userId` on the story; returns its id. */
  add(articleId: string, userId: number, notice: string): Promise<number>;
  /** The notices kept for the account on the story, oldest first, at most `limit` of them. */
  pending(articleId: string, userId: number, limit: number): Promise<StoredNotice[]>;
  /** Her browser has every notice up to `throughId` on the story: forgets them. Returns how many went. */
  delivered(articleId: string, userId: number, throughId: number): Promise<number>;
  /** Forgets every notice kept before `before` (no browser of its writer came back for it). Returns how many went. */
  expire(before: Date): Promise<number>;
}
