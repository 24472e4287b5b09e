import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { Role } from '../../../../shared/roles.ts';
import { UsernameTakenError, type NewUser, type UserChanges, type UserRecord, type UserStore } from '../../UserStore.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  color: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    color: row.color,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  role: 'role',
  passwordHash: 'password_hash',
  disabled: 'disabled',
  color: 'color',
};

/** UserStore on SQLite; the `users.username` column is UNIQUE COLLATE NOCASE. */
export class SqliteUserStore implements UserStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<Record<string, unknown>>;
  readonly #byName: Database.Statement<[string], UserRow>;
  readonly #byId: Database.Statement<[number], UserRow>;
  readonly #list: Database.Statement<[], UserRow>;
  readonly #count: Database.Statement<[], { n: number }>;
  readonly #updates = new Map<string, Database.Statement<Record<string, unknown>>>();

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, disabled, color, created_at, updated_at)
       VALUES (@username, @displayName, @role, @passwordHash, @disabled, @color, @createdAt, @createdAt)`,
    );
    this.#byName = db.prepare('SELECT * FROM users WHERE username = ?');
    this.#byId = db.prepare('SELECT * FROM users WHERE id = ?');
    this.#list = db.prepare('SELECT * FROM users ORDER BY username COLLATE NOCASE');
    this.#count = db.prepare('SELECT count(*) AS n FROM users');
  }

  create(user: NewUser): Promise<UserRecord> {
    return this.#unit.run(() => {
      try {
        const { lastInsertRowid } = this.#insert.run({ ...user, disabled: user.disabled ? 1 : 0 });
        return toRecord(this.#byId.get(Number(lastInsertRowid))!);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UsernameTakenError(user.username);
        throw err;
      }
    });
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.#unit.run(() => {
      const row = this.#byName.get(username);
      return row ? toRecord(row) : null;
    });
  }

  findById(id: number): Promise<UserRecord | null> {
    return this.#unit.run(() => {
      const row = this.#byId.get(id);
      return row ? toRecord(row) : null;
    });
  }

  list(): Promise<UserRecord[]> {
    return this.#unit.run(() => this.#list.all().map(toRecord));
  }

  update(username: string, changes: UserChanges, updatedAt: string): Promise<UserRecord | null> {
    return this.#unit.run(() => {
      const keys = (Object.keys(COLUMNS) as (keyof UserChanges)[]).filter((k) => changes[k] !== undefined);
      // One prepared statement per combination of changed columns, made on first use.
      const signature = keys.join(',');
      let statement = this.#updates.get(signature);
      if (!statement) {
        const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).concat('updated_at = @updatedAt');
        statement = this.#db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE username = @username`);
        this.#updates.set(signature, statement);
      }
      const params: Record<string, unknown> = { username, updatedAt };
      for (const k of keys) params[k] = k === 'disabled' ? (changes.disabled ? 1 : 0) : changes[k];
      if (statement.run(params).changes === 0) return null;
      const row = this.#byName.get(username);
      return row ? toRecord(row) : null;
    });
  }

  count(): Promise<number> {
    return this.#unit.run(() => this.#count.get()!.n);
  }
}
