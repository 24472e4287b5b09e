import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 10: who wrote for each Yjs client id of a story, and what made ranges of a
 * client's changes that no socket typed (see the SQLite migration 12 for the meaning of each column).
 * Yjs client ids are unsigned 32-bit: bigint.
 */
export const AUTHORSHIP_MIGRATION: PostgresMigration = {
  version: 10,
  name: 'who wrote for each Yjs client id',
  sql: `
    CREATE TABLE authorship_writers (
      article_id text NOT NULL,
      client_id bigint NOT NULL,
      username text NOT NULL,
      PRIMARY KEY (article_id, client_id)
    );

    CREATE TABLE authorship_changes (
      article_id text NOT NULL,
      client_id bigint NOT NULL,
      clock_from bigint NOT NULL,
      clock_to bigint NOT NULL,
      kind text NOT NULL,
      by_username text,
      detail text,
      PRIMARY KEY (article_id, client_id, clock_from, kind)
    );
  `,
};
