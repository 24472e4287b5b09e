import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 4: publications, public addresses, schedules and embargoes, webhook deliveries. */
export const PUBLISHING_MIGRATION: PostgresMigration = {
  version: 4,
  name: 'publications, public addresses, schedules and embargoes, webhook deliveries',
  sql: 'SELECT 1',
};
