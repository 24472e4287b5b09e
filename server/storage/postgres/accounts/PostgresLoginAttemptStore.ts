import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import type { AttemptRecord, LoginAttemptStore } from '../../../auth/loginThrottle.ts';

interface AttemptRow {
  failures: number;
  /** bigint epoch ms, as text. */
  last_failure_at: string;
  locked_until: string;
}

// One statement: the row lock ON CONFLICT takes makes simultaneous increments (any server) count one by one.
const INCREMENT = `
  INSERT INTO login_attempts AS a (key, failures, last_failure_at, locked_until) VALUES ($1, 1, $2, 0)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN a.locked_until <= $2 AND (a.locked_until <> 0 OR $2 - a.last_failure_at > $3) THEN 1 ELSE a.failures + 1 END,
    locked_until = CASE WHEN a.locked_until <= $2 AND (a.locked_until <> 0 OR $2 - a.last_failure_at > $3) THEN 0 ELSE a.locked_until END,
    last_failure_at = $2
  RETURNING failures, last_failure_at, locked_until`;

const toRecord = (row: AttemptRow): AttemptRecord => ({
  failures: row.failures,
  lastFailureAt: Number(row.last_failure_at),
  lockedUntil: Number(row.locked_until),
});

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
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async increment(key: string, now: number, windowMs: number): Promise<AttemptRecord> {
    const { rows } = await this.#unit.query<AttemptRow>(INCREMENT, [key, now, windowMs]);
    return toRecord(rows[0]!);
  }

  async decrement(key: string): Promise<void> {
    await this.#unit.query('UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = $1', [key]);
  }

  async lock(key: string, now: number, until: number): Promise<boolean> {
    const { rowCount } = await this.#unit.query(
      'UPDATE login_attempts SET locked_until = $3 WHERE key = $1 AND locked_until <= $2',
      [key, now, until],
    );
    return rowCount === 1;
  }

  async delete(key: string): Promise<void> {
    await this.#unit.query('DELETE FROM login_attempts WHERE key = $1', [key]);
  }

  async sweep(before: number, now: number): Promise<number> {
    // No index on last_failure_at: a scan once a minute costs less than an index on every failure.
    const { rowCount } = await this.#unit.query('DELETE FROM login_attempts WHERE last_failure_at < $1 AND locked_until <= $2', [
      before,
      now,
    ]);
    return rowCount ?? 0;
  }
}
