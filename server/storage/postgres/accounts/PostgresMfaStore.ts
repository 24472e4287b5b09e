import { ROLES, type Role } from '../../../../shared/roles.ts';
import type { MfaRecord, MfaStore } from '../../MfaStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface MfaRow {
  user_id: number;
  secret: string;
  enabled: boolean;
  /** bigint: the driver answers a string. */
  last_step: string | null;
  created_at: Date;
  enabled_at: Date | null;
  codes_left: number;
}

function toRecord(row: MfaRow): MfaRecord {
  return {
    userId: row.user_id,
    secret: row.secret,
    enabled: row.enabled,
    lastUsedStep: row.last_step === null ? null : Number(row.last_step),
    recoveryCodesLeft: row.codes_left,
    createdAt: row.created_at.toISOString(),
    enabledAt: row.enabled_at?.toISOString() ?? null,
  };
}

/**
 * MfaStore on PostgreSQL. Accepting a step is one conditional UPDATE and using a recovery code one
 * DELETE, so of two servers asked with the same code at once, exactly one sees a row change.
 */
export class PostgresMfaStore implements MfaStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async find(userId: number): Promise<MfaRecord | null> {
    const { rows } = await this.#unit.query<MfaRow>(
      `SELECT m.*, (SELECT count(*)::integer FROM mfa_recovery_codes c WHERE c.user_id = m.user_id) AS codes_left
       FROM user_mfa m WHERE m.user_id = $1`,
      [userId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async begin(userId: number, secret: string, at: string): Promise<boolean> {
    const { rowCount } = await this.#unit.query(
      `INSERT INTO user_mfa (user_id, secret, enabled, last_step, created_at) VALUES ($1, $2, false, NULL, $3)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, last_step = NULL, created_at = excluded.created_at
       WHERE user_mfa.enabled = false`,
      [userId, secret, at],
    );
    return (rowCount ?? 0) > 0;
  }

  enable(userId: number, secret: string, step: number, recoveryCodeHashes: readonly string[], at: string): Promise<boolean> {
    return this.#unit.transact(async () => {
      const turnedOn = await this.#unit.query(
        'UPDATE user_mfa SET enabled = true, last_step = $3, enabled_at = $4 WHERE user_id = $1 AND secret = $2 AND enabled = false',
        [userId, secret, step, at],
      );
      if ((turnedOn.rowCount ?? 0) === 0) return false;
      await this.#unit.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
      await this.#unit.query(
        'INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
        [userId, [...recoveryCodeHashes]],
      );
      return true;
    });
  }

  async useStep(userId: number, step: number): Promise<boolean> {
    const { rowCount } = await this.#unit.query(
      'UPDATE user_mfa SET last_step = $2 WHERE user_id = $1 AND enabled AND (last_step IS NULL OR last_step < $2)',
      [userId, step],
    );
    return (rowCount ?? 0) > 0;
  }

  async useRecoveryCode(userId: number, codeHash: string): Promise<boolean> {
    const { rowCount } = await this.#unit.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1 AND code_hash = $2', [userId, codeHash]);
    return (rowCount ?? 0) > 0;
  }

  async remove(userId: number): Promise<boolean> {
    // One statement: both deletes see the same snapshot and land together.
    const { rows } = await this.#unit.query<{ n: number }>(
      `WITH codes AS (DELETE FROM mfa_recovery_codes WHERE user_id = $1 RETURNING 1),
            state AS (DELETE FROM user_mfa WHERE user_id = $1 RETURNING 1)
       SELECT ((SELECT count(*) FROM codes) + (SELECT count(*) FROM state))::integer AS n`,
      [userId],
    );
    return rows[0]!.n > 0;
  }

  async requiredRoles(): Promise<Role[]> {
    const { rows } = await this.#unit.query<{ role: Role }>('SELECT role FROM mfa_required_roles');
    const stored = new Set(rows.map((row) => row.role));
    return ROLES.filter((role) => stored.has(role));
  }

  async setRequiredRoles(roles: readonly Role[]): Promise<void> {
    // Concurrent setters serialise on the table lock, so the last one's list is the whole list.
    await this.#unit.transact(async () => {
      await this.#unit.query('LOCK TABLE mfa_required_roles IN EXCLUSIVE MODE');
      await this.#unit.query('DELETE FROM mfa_required_roles');
      await this.#unit.query('INSERT INTO mfa_required_roles (role) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING', [[...roles]]);
    });
  }
}
