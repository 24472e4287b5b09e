import type { ArticleStatus } from '../../shared/api.ts';

/** A story's row: what the list and the workflow need without loading its document. */
export interface ArticleRecord {
  id: string;
  headline: string;
  status: ArticleStatus;
  byline: string;
  slug: string;
  section: string;
  tags: string[];
  wordCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What the live document tells the row after edits (debounced). */
export interface ArticleSummaryUpdate {
  headline: string;
  wordCount: number;
  byline: string;
  slug: string;
  section: string;
  tags: string[];
  updatedAt: string;
}

/** Story rows. Creating a story writes its row and its first document in one transaction. */
export interface ArticleStore {
  /** Inserts the row and stores `initialState` as the story's first snapshot, atomically. */
  create(record: ArticleRecord, initialState: Uint8Array): void;
  get(id: string): ArticleRecord | null;
  /** Newest first (by updatedAt). */
  list(): ArticleRecord[];
  updateSummary(id: string, summary: ArticleSummaryUpdate): void;
  /** Moves the story to `status` (the workflow decides whether it may); false when there is no such story. */
  setStatus(id: string, status: ArticleStatus, updatedAt: string): boolean;
}
