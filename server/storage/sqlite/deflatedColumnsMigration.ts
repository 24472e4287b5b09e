/**
 * SQLite migration 15: large columns stored deflated (./deflated.ts). `doc_snapshots.data` and
 * `article_versions.state`/`doc` are deflated where the row's `deflated` is 1; rows written before
 * stay as they are (versions never change). The search index is rebuilt empty: `search_documents`
 * holds each story's document deflated, and `search_fts` keeps only the index of the folded words
 * (contentless, rows deletable), not a second copy of the text. The server indexes every story the
 * index lacks at start, so it refills itself.
 */
export const DEFLATED_COLUMNS_MIGRATION_SQL = `
  ALTER TABLE doc_snapshots ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE article_versions ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0;
  DROP TABLE search_fts;
  DROP TABLE search_documents;
  CREATE TABLE search_documents (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    document BLOB NOT NULL
  );
  CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, standfirst, body, captions, byline, slug, section, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );
`;
