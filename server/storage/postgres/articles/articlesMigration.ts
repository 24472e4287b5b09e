import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 2: story records, review settings and version history.
 *
 * `articles.ordinal` is insertion order: the last tie-break of "newest first" where SQLite has its
 * rowid. `article_versions.doc` is `json`, not `jsonb`: a version gives back the document exactly as
 * it was written (key order, any string) and nothing queries inside it. Versions are history: a
 * trigger refuses any UPDATE, and they go only when their story does (cascade).
 */
export const ARTICLES_MIGRATION: PostgresMigration = {
  version: 2,
  name: 'story records, review settings and version history',
  sql: `
    CREATE TABLE articles (
      id text PRIMARY KEY,
      ordinal bigint GENERATED ALWAYS AS IDENTITY,
      headline text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved', 'published')),
      byline text NOT NULL DEFAULT '',
      slug text NOT NULL DEFAULT '',
      section text NOT NULL DEFAULT '',
      tags text[] NOT NULL DEFAULT '{}',
      word_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      require_suggestions boolean NOT NULL DEFAULT false,
      assigned_words integer
    );
    CREATE INDEX articles_newest_first ON articles (updated_at DESC, created_at DESC, ordinal DESC);

    CREATE TABLE article_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      kind text NOT NULL CHECK (kind IN ('transition', 'auto', 'named', 'restore')),
      name text,
      created_at timestamptz NOT NULL,
      created_by text,
      editors text[] NOT NULL DEFAULT '{}',
      word_count integer NOT NULL DEFAULT 0,
      state bytea NOT NULL,
      doc json NOT NULL,
      UNIQUE (article_id, number)
    );

    CREATE FUNCTION article_versions_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'versions are immutable' USING ERRCODE = 'restrict_violation';
    END $$;
    CREATE TRIGGER article_versions_no_update BEFORE UPDATE ON article_versions
      FOR EACH ROW EXECUTE FUNCTION article_versions_refuse_update();
  `,
};
