/**
 * Publishing: immutable publications, public slugs (current and old ones kept for redirects),
 * schedules and embargoes, whether a story is on the site, and the webhook delivery queue.
 * Times are ISO 8601 UTC strings (`toISOString()`), so comparing them as text compares times.
 */
export const PUBLISHING_MIGRATION_SQL = `
  CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    section TEXT NOT NULL,
    slug TEXT NOT NULL,
    headline TEXT NOT NULL,
    standfirst TEXT NOT NULL,
    byline TEXT NOT NULL,
    tags TEXT NOT NULL,
    first_published_at TEXT NOT NULL,
    embargo_until TEXT,
    correction TEXT,
    html TEXT NOT NULL,
    ninjs TEXT NOT NULL,
    UNIQUE (article_id, version)
  );
  CREATE INDEX publications_published_at ON publications (published_at DESC);
  -- A publication is a record of what went out: nothing may change or remove it.
  CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
    BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;
  CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
    BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;

  CREATE TABLE article_slugs (
    section TEXT NOT NULL,
    slug TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    current INTEGER NOT NULL CHECK (current IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (section, slug)
  );
  CREATE UNIQUE INDEX article_slugs_one_current ON article_slugs (article_id) WHERE current = 1;

  CREATE TABLE publish_schedule (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    publish_at TEXT,
    embargo_until TEXT,
    set_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_error TEXT
  );
  CREATE INDEX publish_schedule_due ON publish_schedule (publish_at) WHERE publish_at IS NOT NULL;

  CREATE TABLE site_state (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    state TEXT NOT NULL CHECK (state IN ('live', 'unpublished')),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
  );

  CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles (id),
    publication_id INTEGER REFERENCES publications (id),
    event TEXT NOT NULL CHECK (event IN ('publish', 'update', 'unpublish')),
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    delivered_at TEXT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
  CREATE INDEX webhook_deliveries_article ON webhook_deliveries (article_id, id);
`;
