import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import type { AttemptRecord, LoginAttemptStore } from '../../../auth/loginThrottle.ts';

interface AttemptRow {
  failures: number;
  /** bigint epoch ms, as text. */
  last_failure_at: string;
  locked_until: string;
}

const PUT = `
  INSERT INTO login_attempts (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
  ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
  locked_until = excluded.locked_until`;

/** Login failure counts on PostgreSQL, shared by every server, so neither a restart nor another server resets a lock. */
export class PostgresLoginAttemptStore implements LoginAttemptStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async get(key: string): Promise<AttemptRecord | null> {
    const { rows } = await this.#unit.query<AttemptRow>(
      'SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE key = $1',
      [key],
    );
    const row = rows[0];
    return row ? { failures: row.failures, lastFailureAt: Number(row.last_failure_at), lockedUntil: Number(row.locked_until) } : null;
  }

  async put(key: string, record: AttemptRecord): Promise<void> {
    await this.#unit.query(PUT, [key, record.failures, record.lastFailureAt, record.lockedUntil]);
  }

  async delete(key: string): Promise<void> {
    await this.#unit.query('DELETE FROM login_attempts WHERE key = $1', [key]);
  }
}
