import { mfaStoreContract } from '../../mfaStoreContract.ts';
import { sqliteUnitOf } from '../SqliteUnitOfWork.ts';
import { SqliteMfaStore } from './SqliteMfaStore.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

mfaStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  const users = new SqliteUserStore(db);
  return {
    store: new SqliteMfaStore(db),
    ensureUser: async (username) =>
      (await users.create({ username, displayName: username, role: 'reporter', passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' })).id,
    deleteUser: async (userId) => {
      db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    },
    transact: (fn) => sqliteUnitOf(db).transact(fn),
    close,
  };
});
