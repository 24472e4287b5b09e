import type { Role } from '../../shared/roles.ts';

/** An account as stored. `username` keeps the spelling it was created with; look-ups ignore case. */
export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  /** Cursor colour, `#rrggbb`. */
  color: string;
  createdAt: string;
  updatedAt: string;
}

export type NewUser = Omit<UserRecord, 'id' | 'disabled' | 'updatedAt'> & { disabled?: boolean };

/** Fields an admin (or the user, for their password) may change. */
export type UserChanges = Partial<Pick<UserRecord, 'displayName' | 'role' | 'passwordHash' | 'disabled' | 'color'>>;

/** Thrown by `create` when the username exists in any letter case. */
export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
  constructor(readonly username: string) {
    super(`The username ${JSON.stringify(username)} is taken.`);
  }
}

/** Accounts. */
export interface UserStore {
  /** Inserts an account; throws UsernameTakenError when the name exists in any case. */
  create(user: NewUser): Promise<UserRecord>;
  findByUsername(username: string): Promise<UserRecord | null>;
  findById(id: number): Promise<UserRecord | null>;
  /** Sorted by username. */
  list(): Promise<UserRecord[]>;
  /** Applies `changes`, stamping `updatedAt`; null when no such user. */
  update(username: string, changes: UserChanges, updatedAt: string): Promise<UserRecord | null>;
  count(): Promise<number>;
}
