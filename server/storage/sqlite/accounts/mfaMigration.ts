/**
 * Two-step sign-in: each account's TOTP secret (sealed by the server), the last time step it
 * accepted, its recovery code hashes, and the roles that must use a second factor.
 */
export const MFA_MIGRATION_SQL = `
  CREATE TABLE user_mfa (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    last_step INTEGER,
    created_at TEXT NOT NULL,
    enabled_at TEXT
  );

  CREATE TABLE mfa_recovery_codes (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (user_id, code_hash)
  ) WITHOUT ROWID;

  CREATE TABLE mfa_required_roles (
    role TEXT PRIMARY KEY CHECK (role IN ('viewer', 'reporter', 'editor', 'admin'))
  ) WITHOUT ROWID;
`;
