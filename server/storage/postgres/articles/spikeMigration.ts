import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 9: spiked stories. */
export const SPIKE_MIGRATION: PostgresMigration = {
  version: 9,
  name: 'spiked stories',
  sql: `
    SELECT 1;
  `,
};
