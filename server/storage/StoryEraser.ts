/**
 * Deletes a story for good: its row, its document (update log and snapshot, with the comments and
 * suggestions in it), its versions, its people, its audit log, its schedule, who wrote what
 * (authorship) and the words kept for its writers (words back). The search index has its own owner (SearchIndex.remove). Its publications
 * stay, as the public record, with their addresses, site state and webhook deliveries. Joins the
 * caller's transaction (UnitOfWork), so the deletion and the entry recording it land together.
 */
export interface StoryEraser {
  /** Erases everything of the story but its publications; false when there is no such story. */
  erase(articleId: string, at: string): Promise<boolean>;
}
