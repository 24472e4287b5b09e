import { authorshipStoreContract } from '../../authorshipStoreContract.ts';
import { openTestDatabase } from '../accounts/testDatabase.ts';
import { SqliteAuthorshipStore } from './SqliteAuthorshipStore.ts';

authorshipStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteAuthorshipStore(db), close };
});
