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
  `,
};
