import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { UsernameTakenError, type NewUser } from '../../UserStore.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

let db: Database.Database;
let close: () => void;
let users: SqliteUserStore;

function newUser(username: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    username,
    displayName: `Name of ${username}`,
    role: 'reporter',
    passwordHash: `scrypt$hash-of-${username}`,
    color: '#336699',
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

beforeEach(() => {
  ({ db, close } = openTestDatabase());
  users = new SqliteUserStore(db);
});
afterEach(() => close());

describe('SqliteUserStore', () => {
  it('creates and reads back an account', async () => {
    const created = await users.create(newUser('Ana', { role: 'editor' }));
    expect(created).toMatchObject({ username: 'Ana', displayName: 'Name of Ana', role: 'editor', disabled: false });
    expect(created.updatedAt).toBe(created.createdAt);
    expect(await users.findById(created.id)).toEqual(created);
    expect(await users.count()).toBe(1);
  });

  it('finds a username in any letter case but keeps its spelling', async () => {
    await users.create(newUser('Ana'));
    expect((await users.findByUsername('ANA'))?.username).toBe('Ana');
    expect(await users.findByUsername('bo')).toBeNull();
  });

  it('refuses a second account whose name differs only in case', async () => {
    await users.create(newUser('ana'));
    await expect(users.create(newUser('ANA'))).rejects.toThrow(UsernameTakenError);
    expect(await users.count()).toBe(1);
  });

  it('refuses an unknown role at the database level', async () => {
    await expect(users.create(newUser('x', { role: 'owner' as never }))).rejects.toThrow(/CHECK/);
  });

  it('updates only the given fields and stamps updatedAt', async () => {
    await users.create(newUser('ana'));
    const later = '2025-02-01T00:00:00.000Z';
    const changed = await users.update('ANA', { role: 'viewer', disabled: true }, later);
    expect(changed).toMatchObject({ role: 'viewer', disabled: true, displayName: 'Name of ana', updatedAt: later });
    const again = await users.update('ana', { displayName: 'Ana Ng', disabled: false }, later);
    expect(again).toMatchObject({ role: 'viewer', disabled: false, displayName: 'Ana Ng' });
    expect(await users.update('nobody', { role: 'admin' }, later)).toBeNull();
  });

  it('lists accounts by username, ignoring case', async () => {
    for (const name of ['cy', 'Bo', 'ana']) await users.create(newUser(name));
    expect((await users.list()).map((u) => u.username)).toEqual(['ana', 'Bo', 'cy']);
  });
});
