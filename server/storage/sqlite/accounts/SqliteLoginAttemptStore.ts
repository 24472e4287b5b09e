import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { AttemptRecord, LoginAttemptStore } from '../../../auth/loginThrottle.ts';

interface AttemptRow {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

/** Login failure counts on SQLite, so a restart does not reset a lock. */
export class SqliteLoginAttemptStore implements LoginAttemptStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #get: Database.Statement<[string], AttemptRow>;
  readonly #put: Database.Statement<[string, number, number, number]>;
  readonly #delete: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#get = db.prepare('SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE key = ?');
    this.#put = db.prepare(
      `INSERT INTO login_attempts (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
       locked_until = excluded.locked_until`,
    );
    this.#delete = db.prepare('DELETE FROM login_attempts WHERE key = ?');
  }

  get(key: string): Promise<AttemptRecord | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(key);
      return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until } : null;
    });
  }

  put(key: string, record: AttemptRecord): Promise<void> {
    return this.#unit.run(() => {
      this.#put.run(key, record.failures, record.lastFailureAt, record.lockedUntil);
    });
  }

  delete(key: string): Promise<void> {
    return this.#unit.run(() => {
      this.#delete.run(key);
    });
  }
}
