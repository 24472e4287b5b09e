import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 6: two-step sign-in. Each account's TOTP secret (sealed by the server), the
 * last time step it accepted, its recovery code hashes, and the roles that must use a second factor.
 */
export const MFA_MIGRATION: PostgresMigration = {
  version: 6,
  name: 'two-step sign-in',
  sql: `
    CREATE TABLE user_mfa (
      user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      secret text NOT NULL,
      enabled boolean NOT NULL DEFAULT false,
      last_step bigint,
      created_at timestamptz NOT NULL,
      enabled_at timestamptz
    );

    CREATE TABLE mfa_recovery_codes (
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      PRIMARY KEY (user_id, code_hash)
    );

    CREATE TABLE mfa_required_roles (
      role text PRIMARY KEY CHECK (role IN ('viewer', 'reporter', 'editor', 'admin'))
    );
  `,
};
