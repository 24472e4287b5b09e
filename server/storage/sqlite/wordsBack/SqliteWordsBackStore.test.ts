import { wordsBackStoreContract } from '../../wordsBackStoreContract.ts';
import { openTestDatabase } from '../accounts/testDatabase.ts';
import { SqliteWordsBackStore } from './SqliteWordsBackStore.ts';

wordsBackStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteWordsBackStore(db), close };
});
