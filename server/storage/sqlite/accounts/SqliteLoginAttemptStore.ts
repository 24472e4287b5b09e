import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { AttemptRecord, LoginAttemptStore } from '../../../auth/loginThrottle.ts';

interface AttemptRow {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

// One statement, so two servers on one file (or one burst) each count: SQLite runs it under its write lock.
const INCREMENT = `
  INSERT INTO login_attempts (key, failures, last_failure_at, locked_until) VALUES (@key, 1, @now, 0)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN locked_until <= @now AND (locked_until <> 0 OR @now - last_failure_at > @windowMs) THEN 1 ELSE failures + 1 END,
    locked_until = CASE WHEN locked_until <= @now AND (locked_until <> 0 OR @now - last_failure_at > @windowMs) THEN 0 ELSE locked_until END,
    last_failure_at = @now
  RETURNING failures, last_failure_at, locked_until`;

const toRecord = (row: AttemptRow): AttemptRecord => ({
  failures: row.failures,
  lastFailureAt: row.last_failure_at,
  lockedUntil: row.locked_until,
});

/** Login failure counts on SQLite, so a restart does not reset a lock. */
export class SqliteLoginAttemptStore implements LoginAttemptStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #get: Database.Statement<[string], AttemptRow>;
  readonly #increment: Database.Statement<[{ key: string; now: number; windowMs: number }], AttemptRow>;
  readonly #decrement: Database.Statement<[string]>;
  readonly #lock: Database.Statement<[{ key: string; now: number; until: number }]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #sweep: Database.Statement<[number, number]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#get = db.prepare('SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE key = ?');
    this.#increment = db.prepare(INCREMENT);
    this.#decrement = db.prepare('UPDATE login_attempts SET failures = max(failures - 1, 0) WHERE key = ?');
    this.#lock = db.prepare('UPDATE login_attempts SET locked_until = @until WHERE key = @key AND locked_until <= @now');
    this.#delete = db.prepare('DELETE FROM login_attempts WHERE key = ?');
    // No index on last_failure_at: a scan once a minute costs less than an index on every failure.
    this.#sweep = db.prepare('DELETE FROM login_attempts WHERE last_failure_at < ? AND locked_until <= ?');
  }

  get(key: string): Promise<AttemptRecord | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(key);
      return row ? toRecord(row) : null;
    });
  }

  increment(key: string, now: number, windowMs: number): Promise<AttemptRecord> {
    return this.#unit.run(() => toRecord(this.#increment.get({ key, now, windowMs })!));
  }

  decrement(key: string): Promise<void> {
    return this.#unit.run(() => {
      this.#decrement.run(key);
    });
  }

  lock(key: string, now: number, until: number): Promise<boolean> {
    return this.#unit.run(() => this.#lock.run({ key, now, until }).changes === 1);
  }

  delete(key: string): Promise<void> {
    return this.#unit.run(() => {
      this.#delete.run(key);
    });
  }

  sweep(before: number, now: number): Promise<number> {
    return this.#unit.run(() => this.#sweep.run(before, now).changes);
  }
}
