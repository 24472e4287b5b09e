import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 10: who wrote for each Yjs client id. */
export const AUTHORSHIP_MIGRATION: PostgresMigration = {
  version: 10,
  name: 'who wrote for each Yjs client id',
  sql: `
    SELECT 1;
  `,
};
