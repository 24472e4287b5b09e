import { loginAttemptStoreContract } from '../../loginAttemptStoreContract.ts';
import { SqliteLoginAttemptStore } from './SqliteLoginAttemptStore.ts';
import { openTestDatabase } from './testDatabase.ts';

loginAttemptStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteLoginAttemptStore(db), close };
});
