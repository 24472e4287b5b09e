import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 4: publications, public addresses, schedules and embargoes, webhook deliveries.
 * Mirrors SQLite's publishing tables. Story ids are not foreign keys to `articles`: publishing
 * rows refer to stories by id only. `ninjs` is `json`, not `jsonb`, so the frozen document keeps
 * its exact text (key order included); `payload` is the exact signed body, as text.
 */
export const PUBLISHING_MIGRATION: PostgresMigration = {
  version: 4,
  name: 'publications, public addresses, schedules and embargoes, webhook deliveries',
  sql: `
    CREATE TABLE publications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      published_at timestamptz NOT NULL,
      published_by text NOT NULL,
      section text NOT NULL,
      slug text NOT NULL,
      headline text NOT NULL,
      standfirst text NOT NULL,
      byline text NOT NULL,
      tags text[] NOT NULL,
      first_published_at timestamptz NOT NULL,
      embargo_until timestamptz,
      correction text,
      html text NOT NULL,
      ninjs json NOT NULL,
      CONSTRAINT publications_one_per_version UNIQUE (article_id, version)
    );
    CREATE INDEX publications_published_at ON publications (published_at DESC, id DESC);

    -- A publication is a record of what went out: nothing may change or remove it.
    CREATE FUNCTION publications_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'publications are immutable' USING ERRCODE = 'restrict_violation';
    END $$;
    CREATE TRIGGER publications_no_change BEFORE UPDATE OR DELETE ON publications
      FOR EACH ROW EXECUTE FUNCTION publications_immutable();
    CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
      FOR EACH STATEMENT EXECUTE FUNCTION publications_immutable();

    CREATE TABLE article_slugs (
      section text NOT NULL,
      slug text NOT NULL,
      article_id text NOT NULL,
      current boolean NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (section, slug)
    );
    CREATE UNIQUE INDEX article_slugs_one_current ON article_slugs (article_id) WHERE current;

    CREATE TABLE publish_schedule (
      article_id text PRIMARY KEY,
      publish_at timestamptz,
      embargo_until timestamptz,
      set_by text NOT NULL,
      updated_at timestamptz NOT NULL,
      last_error text
    );
    CREATE INDEX publish_schedule_due ON publish_schedule (publish_at) WHERE publish_at IS NOT NULL;

    CREATE TABLE site_state (
      article_id text PRIMARY KEY,
      state text NOT NULL CHECK (state IN ('live', 'unpublished')),
      changed_at timestamptz NOT NULL,
      changed_by text NOT NULL
    );

    CREATE TABLE webhook_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text NOT NULL,
      publication_id bigint REFERENCES publications (id),
      event text NOT NULL CHECK (event IN ('publish', 'update', 'unpublish')),
      payload text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_status integer,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz
    );
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE state = 'pending';
    CREATE INDEX webhook_deliveries_article ON webhook_deliveries (article_id, id);
  `,
};
