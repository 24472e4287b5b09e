import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 3: accounts, sessions, the audit log, login throttling, story members.
 * Usernames are unique and looked up through `lower(username)`, as SQLite's COLLATE NOCASE does.
 * `article_members.article_id` has no foreign key, so this step does not depend on how `articles`
 * is laid out; a story's members outlive it unless whoever deletes the story deletes them too.
 */
export const ACCOUNTS_MIGRATION: PostgresMigration = {
  version: 3,
  name: 'accounts, sessions, the audit log, login throttling, story members',
  sql: `
    CREATE TABLE users (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer', 'reporter', 'editor', 'admin')),
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      color text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE INDEX sessions_expires ON sessions (expires_at);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text,
      actor text NOT NULL,
      action text NOT NULL,
      subject text,
      from_value text,
      to_value text,
      note text,
      at timestamptz NOT NULL
    );
    CREATE INDEX audit_log_article ON audit_log (article_id, id);
    CREATE INDEX audit_log_subject ON audit_log (lower(subject), id);

    CREATE TABLE login_attempts (
      key text PRIMARY KEY,
      failures integer NOT NULL,
      last_failure_at bigint NOT NULL,
      locked_until bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE article_members (
      article_id text NOT NULL,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      relation text NOT NULL CHECK (relation IN ('creator', 'assignee', 'reviewer')),
      PRIMARY KEY (article_id, relation, user_id)
    );
    CREATE INDEX article_members_user ON article_members (user_id, relation);
  `,
};
