import type { SearchDocument } from '../search/SearchDocument.ts';

/**
 * The full-text index of stories (SQLite FTS5, PostgreSQL text search). Both engines index and
 * query the text as shared/search/foldText.ts folds it, so they find the same stories.
 */
export interface SearchIndex {
  /** Indexes `document` as story `articleId`'s text, replacing what was indexed for it before. */
  put(articleId: string, document: SearchDocument): Promise<void>;
  /** Forgets the story; nothing when it was not indexed. */
  remove(articleId: string): Promise<void>;
  /**
   * Ids of the stories in which every word of `query` begins a word (folded: case and diacritics
   * do not count), best first: stories whose headline holds them all, then by the engine's rank
   * (headline, standfirst and meta weigh more than body), then by id. At most `limit`; none for a
   * query without words.
   */
  search(query: string, limit: number): Promise<string[]>;
  /** The indexed text of each of `articleIds` that is indexed (to cut snippets from). */
  documents(articleIds: readonly string[]): Promise<Map<string, SearchDocument>>;
  /** Ids of every indexed story (to index those missing at start). */
  indexedIds(): Promise<string[]>;
}
