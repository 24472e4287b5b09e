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
 * Notices kept per story and writer at most (the latest): her browser keeps no more of them either
 * (50 runs of words), and a script whose edits are undone one after another cannot fill the disk.
 */
export const MAX_NOTICES_PER_WRITER = 200;

/**
 * Words the server took out of a story (undone edits) or never put in (typed into a deleted
 * block), kept for their writer until one of her browsers has them. Her socket may drop before the
 * notice it was sent arrives; the words are in no story, so this is their only copy: her browser
 * asks for what is kept on every (re)connection and says when it has them. One row per notice.
 */
export interface WordsBackStore {
  /** Keeps a notice for the account `userId` on the story (forgetting her oldest past MAX_NOTICES_PER_WRITER); returns its id. */
  add(articleId: string, userId: number, notice: string): Promise<number>;
  /** The notices kept for the account on the story, oldest first, at most `limit` of them. */
  pending(articleId: string, userId: number, limit: number): Promise<StoredNotice[]>;
  /**
   * Her browser has the notices `ids` of the story: forgets them (ids of other accounts or stories
   * are left alone). Named one by one, never "up to": an id given out earlier may be stored after a
   * later one, unseen by the browser. Returns how many went.
   */
  delivered(articleId: string, userId: number, ids: readonly number[]): Promise<number>;
  /** Forgets every notice kept before `before` (no browser of its writer came back for it). Returns how many went. */
  expire(before: Date): Promise<number>;
}
