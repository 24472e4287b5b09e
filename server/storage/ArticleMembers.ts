/** Who a story belongs to, by username. */
export interface StoryPeople {
  createdBy: string | null;
  assignees: string[];
  reviewer: string | null;
}

/** The people attached to each story: its creator, assigned reporters and reviewing editor. */
export interface ArticleMembers {
  get(articleId: string): Promise<StoryPeople>;
  setCreator(articleId: string, userId: number): Promise<void>;
  /** Replaces the assignee list. */
  setAssignees(articleId: string, userIds: readonly number[]): Promise<void>;
  /** Sets or (with null) clears the reviewing editor. */
  setReviewer(articleId: string, userId: number | null): Promise<void>;
  /** Stories the user created or is assigned to: the "mine" filter. */
  articleIdsOf(userId: number): Promise<string[]>;
}
