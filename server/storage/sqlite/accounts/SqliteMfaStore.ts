import type Database from 'better-sqlite3';
import { ROLES, type Role } from '../../../../shared/roles.ts';
import type { MfaRecord, MfaStore } from '../../MfaStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

interface MfaRow {
  user_id: number;
  secret: string;
  enabled: 0 | 1;
  last_step: number | null;
  created_at: string;
  enabled_at: string | null;
  codes_left: number;
}

function toRecord(row: MfaRow): MfaRecord {
  return {
    userId: row.user_id,
    secret: row.secret,
    enabled: row.enabled === 1,
    lastUsedStep: row.last_step,
    recoveryCodesLeft: row.codes_left,
    createdAt: row.created_at,
    enabledAt: row.enabled_at,
  };
}

/** MfaStore on SQLite (`user_mfa`, `mfa_recovery_codes`, `mfa_required_roles`). */
export class SqliteMfaStore implements MfaStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #find: Database.Statement<[number], MfaRow>;
  readonly #begin: Database.Statement<{ userId: number; secret: string; at: string }>;
  readonly #enable: (userId: number, secret: string, step: number, hashes: readonly string[], at: string) => boolean;
  readonly #useStep: Database.Statement<{ userId: number; step: number }>;
  readonly #useCode: Database.Statement<[number, string]>;
  readonly #remove: (userId: number) => boolean;
  readonly #roles: Database.Statement<[], { role: Role }>;
  readonly #setRoles: (roles: readonly Role[]) => void;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#find = db.prepare(
      `SELECT m.*, (SELECT count(*) FROM mfa_recovery_codes c WHERE c.user_id = m.user_id) AS codes_left
       FROM user_mfa m WHERE m.user_id = ?`,
    );
    this.#begin = db.prepare(
      `INSERT INTO user_mfa (user_id, secret, enabled, last_step, created_at) VALUES (@userId, @secret, 0, NULL, @at)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, last_step = NULL, created_at = excluded.created_at
       WHERE user_mfa.enabled = 0`,
    );
    const turnOn = db.prepare(
      'UPDATE user_mfa SET enabled = 1, last_step = @step, enabled_at = @at WHERE user_id = @userId AND secret = @secret AND enabled = 0',
    );
    const clearCodes = db.prepare('DELETE FROM mfa_recovery_codes WHERE user_id = ?');
    const addCode = db.prepare('INSERT OR IGNORE INTO mfa_recovery_codes (user_id, code_hash) VALUES (?, ?)');
    this.#enable = db.transaction((userId: number, secret: string, step: number, hashes: readonly string[], at: string) => {
      if (turnOn.run({ userId, secret, step, at }).changes === 0) return false;
      clearCodes.run(userId);
      for (const hash of hashes) addCode.run(userId, hash);
      return true;
    });
    this.#useStep = db.prepare(
      'UPDATE user_mfa SET last_step = @step WHERE user_id = @userId AND enabled = 1 AND (last_step IS NULL OR last_step < @step)',
    );
    this.#useCode = db.prepare('DELETE FROM mfa_recovery_codes WHERE user_id = ? AND code_hash = ?');
    const removeState = db.prepare('DELETE FROM user_mfa WHERE user_id = ?');
    this.#remove = db.transaction((userId: number) => {
      const codes = clearCodes.run(userId).changes;
      return removeState.run(userId).changes + codes > 0;
    });
    this.#roles = db.prepare('SELECT role FROM mfa_required_roles');
    const clearRoles = db.prepare('DELETE FROM mfa_required_roles');
    const addRole = db.prepare('INSERT OR IGNORE INTO mfa_required_roles (role) VALUES (?)');
    this.#setRoles = db.transaction((roles: readonly Role[]) => {
      clearRoles.run();
      for (const role of roles) addRole.run(role);
    });
  }

  find(userId: number): Promise<MfaRecord | null> {
    return this.#unit.run(() => {
      const row = this.#find.get(userId);
      return row ? toRecord(row) : null;
    });
  }

  begin(userId: number, secret: string, at: string): Promise<boolean> {
    return this.#unit.run(() => this.#begin.run({ userId, secret, at }).changes > 0);
  }

  enable(userId: number, secret: string, step: number, recoveryCodeHashes: readonly string[], at: string): Promise<boolean> {
    return this.#unit.run(() => this.#enable(userId, secret, step, recoveryCodeHashes, at));
  }

  useStep(userId: number, step: number): Promise<boolean> {
    return this.#unit.run(() => this.#useStep.run({ userId, step }).changes > 0);
  }

  useRecoveryCode(userId: number, codeHash: string): Promise<boolean> {
    return this.#unit.run(() => this.#useCode.run(userId, codeHash).changes > 0);
  }

  remove(userId: number): Promise<boolean> {
    return this.#unit.run(() => this.#remove(userId));
  }

  requiredRoles(): Promise<Role[]> {
    return this.#unit.run(() => {
      const stored = new Set(this.#roles.all().map((row) => row.role));
      return ROLES.filter((role) => stored.has(role));
    });
  }

  setRequiredRoles(roles: readonly Role[]): Promise<void> {
    return this.#unit.run(() => {
      this.#setRoles(roles);
    });
  }
}
