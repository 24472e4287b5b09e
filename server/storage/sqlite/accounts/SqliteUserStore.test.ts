import { userStoreContract } from '../../userStoreContract.ts';
import { sqliteUnitOf } from '../SqliteUnitOfWork.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

userStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteUserStore(db), transact: (fn) => sqliteUnitOf(db).transact(fn), close };
});
