import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 8: the search index of stories. */
export const SEARCH_MIGRATION: PostgresMigration = {
  version: 8,
  name: 'the search index of stories',
  sql: `
    SELECT 1;
  `,
};
