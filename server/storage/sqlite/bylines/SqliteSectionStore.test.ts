import { sectionStoreContract } from '../../sectionStoreContract.ts';
import { openTestDatabase } from '../accounts/testDatabase.ts';
import { SqliteSectionStore } from './SqliteSectionStore.ts';

sectionStoreContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteSectionStore(db), close };
});
