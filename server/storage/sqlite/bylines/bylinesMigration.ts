/** SQLite migration 13: bylines naming accounts, the desk's section list. Bylines live in each story's document. */
export const BYLINES_MIGRATION_SQL = `
  CREATE TABLE sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE section_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    list_only INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO section_settings (id, list_only) VALUES (1, 0);
`;
