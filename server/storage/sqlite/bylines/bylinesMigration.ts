/** SQLite migration 13: bylines naming accounts, the desk's section list. Bylines live in each story's document. */
export const BYLINES_MIGRATION_SQL = `
  CREATE TABLE sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
`;
