import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitOfWork } from './UnitOfWork.ts';
import { UsernameTakenError, type NewUser, type UserStore } from './UserStore.ts';

/** What a UserStore implementation gives the contract suite. */
export interface UserStoreHarness {
  store: UserStore;
  /** The transactions of the store's database; store calls awaited inside join them. */
  transact: UnitOfWork['transact'];
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

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

/** Runs the UserStore contract against any implementation; every backend must pass it. */
export function userStoreContract(name: string, createHarness: () => UserStoreHarness | Promise<UserStoreHarness>): void {
  describe(`UserStore contract: ${name}`, () => {
    let harness: UserStoreHarness;
    let users: UserStore;

    beforeEach(async () => {
      harness = await createHarness();
      users = harness.store;
    });
    afterEach(() => harness.close());

    it('creates and reads back an account', async () => {
      const created = await users.create(newUser('Ana', { role: 'editor' }));
      expect(created).toMatchObject({ username: 'Ana', displayName: 'Name of Ana', role: 'editor', disabled: false });
      expect(created).toMatchObject({ passwordHash: 'scrypt$hash-of-Ana', color: '#336699', createdAt: '2025-01-01T00:00:00.000Z' });
      expect(created.updatedAt).toBe(created.createdAt);
      expect(await users.findById(created.id)).toEqual(created);
      expect(await users.findByUsername('Ana')).toEqual(created);
      expect(await users.count()).toBe(1);
    });

    it('finds nothing and counts nobody in an empty store', async () => {
      expect(await users.count()).toBe(0);
      expect(await users.list()).toEqual([]);
      expect(await users.findById(1)).toBeNull();
      expect(await users.findByUsername('ana')).toBeNull();
    });

    it('gives each account its own id and creates a disabled one when asked', async () => {
      const ana = await users.create(newUser('ana'));
      const bo = await users.create(newUser('bo', { disabled: true }));
      expect(bo.id).not.toBe(ana.id);
      expect(bo.disabled).toBe(true);
      expect((await users.findById(bo.id))?.username).toBe('bo');
    });

    it('finds a username in any letter case but keeps its spelling', async () => {
      await users.create(newUser('Ana'));
      expect((await users.findByUsername('ANA'))?.username).toBe('Ana');
      expect((await users.findByUsername('ana'))?.username).toBe('Ana');
      expect(await users.findByUsername('bo')).toBeNull();
    });

    it('refuses a second account whose name differs only in case', async () => {
      await users.create(newUser('ana'));
      const refused = users.create(newUser('ANA'));
      await expect(refused).rejects.toThrow(UsernameTakenError);
      await expect(refused).rejects.toMatchObject({ username: 'ANA' });
      expect(await users.count()).toBe(1);
      expect((await users.findByUsername('ana'))?.username).toBe('ana');
    });

    it('lets exactly one of two simultaneous creates of one name through', async () => {
      const results = await Promise.allSettled([users.create(newUser('Ana')), users.create(newUser('ANA'))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(UsernameTakenError);
      expect(await users.count()).toBe(1);
    });

    it('refuses a taken name inside a transaction without spoiling it, and a rolled-back create leaves nothing', async () => {
      await users.create(newUser('ana'));
      await harness.transact(async () => {
        await expect(users.create(newUser('ANA'))).rejects.toThrow(UsernameTakenError);
        await users.create(newUser('bo'));
      });
      expect((await users.list()).map((u) => u.username)).toEqual(['ana', 'bo']);
      await expect(
        harness.transact(async () => {
          await users.create(newUser('cy'));
          throw new Error('undone');
        }),
      ).rejects.toThrow('undone');
      expect(await users.findByUsername('cy')).toBeNull();
      expect(await users.count()).toBe(2);
    });

    it('refuses an unknown role at the database level', async () => {
      await expect(users.create(newUser('x', { role: 'owner' as never }))).rejects.toThrow(/check constraint/i);
      expect(await users.count()).toBe(0);
    });

    it('updates only the given fields and stamps updatedAt', async () => {
      await users.create(newUser('ana'));
      const later = '2025-02-01T00:00:00.000Z';
      const changed = await users.update('ANA', { role: 'viewer', disabled: true }, later);
      expect(changed).toMatchObject({ role: 'viewer', disabled: true, displayName: 'Name of ana', updatedAt: later });
      expect(changed?.createdAt).toBe('2025-01-01T00:00:00.000Z');
      const again = await users.update('ana', { displayName: 'Ana Ng', disabled: false }, later);
      expect(again).toMatchObject({ role: 'viewer', disabled: false, displayName: 'Ana Ng' });
      expect(await users.findByUsername('ana')).toEqual(again);
      expect(await users.update('nobody', { role: 'admin' }, later)).toBeNull();
      expect(await users.count()).toBe(1);
    });

    it('changes the password hash and colour, and with no changes only stamps updatedAt', async () => {
      const created = await users.create(newUser('ana'));
      const changed = await users.update('ana', { passwordHash: 'scrypt$new', color: '#aa0000' }, '2025-03-01T00:00:00.000Z');
      expect(changed).toEqual({ ...created, passwordHash: 'scrypt$new', color: '#aa0000', updatedAt: '2025-03-01T00:00:00.000Z' });
      const stamped = await users.update('ana', {}, '2025-04-01T00:00:00.000Z');
      expect(stamped).toEqual({ ...changed, updatedAt: '2025-04-01T00:00:00.000Z' });
    });

    it('changes only the account named', async () => {
      const bo = await users.create(newUser('bo'));
      await users.create(newUser('ana'));
      await users.update('ana', { role: 'admin' }, '2025-02-01T00:00:00.000Z');
      expect(await users.findById(bo.id)).toEqual(bo);
    });

    it('lists accounts by username, ignoring case', async () => {
      for (const name of ['cy', 'Bo', 'ana']) await users.create(newUser(name));
      expect((await users.list()).map((u) => u.username)).toEqual(['ana', 'Bo', 'cy']);
    });

    it('lists by the lower-cased name character by character, punctuation included', async () => {
      for (const name of ['Ab', 'a_b', 'A.c', 'a-d']) await users.create(newUser(name));
      // '-' < '.' < '_' < 'b' once lower-cased, whatever the database's locale.
      expect((await users.list()).map((u) => u.username)).toEqual(['a-d', 'A.c', 'a_b', 'Ab']);
    });
  });
}
