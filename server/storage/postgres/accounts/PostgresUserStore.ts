import type { Role } from '../../../../shared/roles.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { UsernameTakenError, type NewUser, type UserChanges, type UserRecord, type UserStore } from '../../UserStore.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  color: string;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    color: row.color,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const COLUMNS: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  role: 'role',
  passwordHash: 'password_hash',
  disabled: 'disabled',
  color: 'color',
};

// A taken name inserts nothing instead of raising, so a caller's transaction stays usable.
const INSERT = `
  INSERT INTO users (username, display_name, role, password_hash, disabled, color, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
  ON CONFLICT ((lower(username))) DO NOTHING
  RETURNING *`;

/**
 * UserStore on PostgreSQL. Names are unique through an index on `lower(username)` and looked up
 * by it; `list` sorts by the lower-cased bytes (COLLATE "C"), as SQLite's NOCASE does, whatever
 * the database's locale.
 */
export class PostgresUserStore implements UserStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async create(user: NewUser): Promise<UserRecord> {
    const { rows } = await this.#unit.query<UserRow>(INSERT, [
      user.username,
      user.displayName,
      user.role,
      user.passwordHash,
      user.disabled ?? false,
      user.color,
      user.createdAt,
    ]);
    if (!rows[0]) throw new UsernameTakenError(user.username);
    return toRecord(rows[0]);
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.#unit.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: number): Promise<UserRecord | null> {
    const { rows } = await this.#unit.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const { rows } = await this.#unit.query<UserRow>('SELECT * FROM users ORDER BY lower(username) COLLATE "C"');
    return rows.map(toRecord);
  }

  /** One UPDATE … RETURNING: the record handed back is the row as this statement left it. */
  async update(username: string, changes: UserChanges, updatedAt: string): Promise<UserRecord | null> {
    const values: unknown[] = [username, updatedAt];
    const sets = ['updated_at = $2'];
    for (const key of Object.keys(COLUMNS) as (keyof UserChanges)[]) {
      if (changes[key] === undefined) continue;
      values.push(changes[key]);
      sets.push(`${COLUMNS[key]} = $${values.length}`);
    }
    const { rows } = await this.#unit.query<UserRow>(
      `UPDATE users SET ${sets.join(', ')} WHERE lower(username) = lower($1) RETURNING *`,
      values,
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async count(): Promise<number> {
    const { rows } = await this.#unit.query<{ n: number }>('SELECT count(*)::integer AS n FROM users');
    return rows[0]!.n;
  }
}
