/**
 * Accounts, sessions, the audit log, login throttling and who a story belongs to.
 * Appended as one entry to `migrations` (server/storage/sqlite/migrations.ts), after the
 * entry that creates `articles`, which `article_members` references.
 */
export const ACCOUNTS_MIGRATION_SQL = `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'reporter', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    color TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE INDEX sessions_expires ON sessions (expires_at);

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX audit_log_article ON audit_log (article_id, id);
  CREATE INDEX audit_log_subject ON audit_log (subject, id);

  CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;

  CREATE TABLE article_members (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('creator', 'assignee', 'reviewer')),
    PRIMARY KEY (article_id, relation, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_members_user ON article_members (user_id, relation);
`;
