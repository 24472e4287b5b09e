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
  /** While in review, everyone but editors and admins must suggest (false when never set). */
  requireSuggestions?: boolean;
  /** The length the story was assigned, in words; null (or absent) when none was set. */
  assignedWords?: number | null;
  /** When the story was spiked (off the list, read-only until restored); null (or absent) when it is not. */
  spikedAt?: string | null;
  /** Who spiked it; null (or absent) when it is not spiked. */
  spikedBy?: string | null;
}

/** Who spiked a story, and when. */
export interface Spike {
  at: string;
  by: string;
}

/** A story's review settings; an absent field is left as it is. */
export interface ReviewSettingsUpdate {
  requireSuggestions?: boolean;
  assignedWords?: number | null;
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
  create(record: ArticleRecord, initialState: Uint8Array): Promise<void>;
  get(id: string): Promise<ArticleRecord | null>;
  /** Newest first (by updatedAt). */
  list(): Promise<ArticleRecord[]>;
  updateSummary(id: string, summary: ArticleSummaryUpdate): Promise<void>;
  /** Moves the story to `status` (the workflow decides whether it may); false when there is no such story. */
  setStatus(id: string, status: ArticleStatus, updatedAt: string): Promise<boolean>;
  /** Changes the story's review settings; false when there is no such story. */
  setReviewSettings(id: string, settings: ReviewSettingsUpdate, updatedAt: string): Promise<boolean>;
  /** Spikes the story (`spike`) or restores it (null); false when there is no such story. */
  setSpiked(id: string, spike: Spike | null): Promise<boolean>;
}
