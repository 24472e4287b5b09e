import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 11: bylines naming accounts, the desk section list. Bylines live in each story's document. */
export const BYLINES_MIGRATION: PostgresMigration = {
  version: 11,
  name: 'bylines naming accounts, the desk section list',
  sql: `
    CREATE TABLE sections (
      id BIGSERIAL PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      created_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE section_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      list_only BOOLEAN NOT NULL DEFAULT FALSE
    );
    INSERT INTO section_settings (id, list_only) VALUES (1, FALSE);
  `,
};
