/**
 * Lets one server at a time make a planned change to a story (restoring a block or a version) when
 * several servers share it. Such a change is planned on the story as the server holds it: two
 * servers planning at once would each insert what the other inserts too, and the merge would hold
 * it twice. The holder reads what the others stored before it plans (`CollabDocument.catchUp`) and
 * lets go only once its change is stored. One server alone needs none (null): it plans each change
 * on its one live document, after the one before. Implementation: RedisStoryLock.
 */
export interface StoryLock {
  /**
   * Runs `fn` while no other server holds `articleId`'s lock, and lets go when it settles. Rejects
   * with StoryBusyError when another server held it too long, StoryLockUnavailableError when the
   * servers cannot agree (Redis unreachable); `fn` has not run then.
   */
  hold<T>(articleId: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Another server kept the story's lock for longer than a change may wait. */
export class StoryBusyError extends Error {
  override name = 'StoryBusyError';
}

/** The lock could not be asked for (Redis did not answer). */
export class StoryLockUnavailableError extends Error {
  override name = 'StoryLockUnavailableError';
}
