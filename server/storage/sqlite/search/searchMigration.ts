/**
 * SQLite migration 10: the search index of stories. `search_documents` holds each story's text as
 * written (snippets are cut from it); `search_fts` the same text folded (shared/search/foldText.ts)
 * into words, one FTS5 row per story under the same rowid.
 */
export const SEARCH_MIGRATION_SQL = `
  CREATE TABLE search_documents (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, standfirst, body, captions, byline, slug, section, tags,
    tokenize = 'unicode61 remove_diacritics 0'
  );
`;
