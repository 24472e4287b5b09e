/**
 * SQLite migration 18: words taken out of a story (or never put in) kept for their writer until one
 * of her browsers has them (WordsBackStore). AUTOINCREMENT: an id is never given again once its row
 * is gone, so a browser's acknowledgement of an id can never cover a later notice. No foreign keys, as
 * for authorship: the story eraser deletes a story's rows (a tombstoned story keeps its `articles`
 * row, so a cascade would not), and accounts are never deleted.
 */
export const WORDS_BACK_MIGRATION_SQL = `
  CREATE TABLE words_back (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    notice TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX words_back_article_user_id ON words_back (article_id, user_id, id);
  CREATE INDEX words_back_created_at ON words_back (created_at);
`;
