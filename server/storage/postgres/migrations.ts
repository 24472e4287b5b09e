import { ACCOUNTS_MIGRATION } from './accounts/accountsMigration.ts';
import { MFA_MIGRATION } from './accounts/mfaMigration.ts';
import { ARTICLES_MIGRATION } from './articles/articlesMigration.ts';
import { PUBLISHING_MIGRATION } from './publishing/publishingMigration.ts';
import { SEARCH_MIGRATION } from './search/searchMigration.ts';
import { SPIKE_MIGRATION } from './articles/spikeMigration.ts';
import { AUTHORSHIP_MIGRATION } from './authorship/authorshipMigration.ts';
import { BYLINES_MIGRATION } from './bylines/bylinesMigration.ts';
import { WORDS_BACK_MIGRATION } from './wordsBack/wordsBackMigration.ts';

/** One step of the PostgreSQL schema: recorded by `version` in `schema_migrations` once applied. */
export interface PostgresMigration {
  version: number;
  /** What the step does, kept beside its version in `schema_migrations`. */
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema, as an ordered list of migrations; `migrate` applies the missing ones,
 * each in its own transaction. Append new entries with the next version; never edit or reorder
 * a shipped one.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'story update log and snapshots',
    sql: `
    CREATE TABLE doc_updates (
      seq bigserial PRIMARY KEY,
      article_id text NOT NULL,
      data bytea NOT NULL
    );
    CREATE INDEX doc_updates_article_seq ON doc_updates (article_id, seq);

    CREATE TABLE doc_snapshots (
      article_id text PRIMARY KEY,
      data bytea NOT NULL,
      updated_at timestamptz NOT NULL
    );
    `,
  },
  ARTICLES_MIGRATION,
  ACCOUNTS_MIGRATION,
  PUBLISHING_MIGRATION,
  {
    version: 5,
    name: 'installation id',
    sql: `
    CREATE TABLE installation (
      id text PRIMARY KEY
    );
    INSERT INTO installation (id) VALUES (replace(gen_random_uuid()::text, '-', ''));
    `,
  },
  MFA_MIGRATION,
  {
    version: 7,
    name: 'where each session was opened from',
    sql: `
    ALTER TABLE sessions ADD COLUMN user_agent text, ADD COLUMN address text;
    `,
  },
  SEARCH_MIGRATION,
  SPIKE_MIGRATION,
  AUTHORSHIP_MIGRATION,
  BYLINES_MIGRATION,
  WORDS_BACK_MIGRATION,
];
