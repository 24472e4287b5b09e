import { sessionStoreContract } from '../../sessionStoreContract.ts';
import { SqliteSessionStore } from './SqliteSessionStore.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

sessionStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  const users = new SqliteUserStore(db);
  return {
    store: new SqliteSessionStore(db),
    ensureUser: async (username) =>
      (await users.create({ username, displayName: 'x', role: 'reporter', passwordHash: 'h', color: '#000000', createdAt: '2025-03-01T12:00:00.000Z' })).id,
    deleteUser: async (userId) => {
      db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    },
    storedRows: async () => db.prepare<[], Record<string, unknown>>('SELECT * FROM sessions').all(),
    close,
  };
});
