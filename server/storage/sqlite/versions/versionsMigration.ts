/**
 * Version history: snapshots of each story (its Yjs state and its plain JSON), numbered per story.
 * Rows are history: a trigger refuses any UPDATE. They go only when their story does (cascade).
 */
export const VERSIONS_MIGRATION_SQL = `
  CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('transition', 'auto', 'named', 'restore')),
    name TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    editors TEXT NOT NULL DEFAULT '[]',
    word_count INTEGER NOT NULL DEFAULT 0,
    state BLOB NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (article_id, number)
  );
  CREATE TRIGGER article_versions_no_update BEFORE UPDATE ON article_versions
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
`;
