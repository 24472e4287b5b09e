import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 12: words a writer's story did not keep, kept for her until one of her
 * browsers has them (see the SQLite migration 18). A sequence never gives an id twice; no foreign
 * key, as for every per-story table here: the story eraser deletes a story's rows.
 */
export const WORDS_BACK_MIGRATION: PostgresMigration = {
  version: 12,
  name: 'words kept for their writer',
  sql: `
    CREATE TABLE words_back (
      id bigserial PRIMARY KEY,
      article_id text NOT NULL,
      user_id integer NOT NULL,
      notice text NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX words_back_article_user_id ON words_back (article_id, user_id, id);
    CREATE INDEX words_back_created_at ON words_back (created_at);
  `,
};
