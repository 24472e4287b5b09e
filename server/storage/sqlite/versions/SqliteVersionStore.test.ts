import { versionStoreContract } from '../../versionStoreContract.ts';
import { SqliteVersionStore } from './SqliteVersionStore.ts';
import { insertVersionsTestArticle, openVersionsTestDatabase } from './testDatabase.ts';

versionStoreContract('SQLite', () => {
  const { db, close } = openVersionsTestDatabase();
  return {
    store: new SqliteVersionStore(db),
    ensureArticle: (id) => insertVersionsTestArticle(db, id),
    changeStoredVersions: () => {
      db.prepare(`UPDATE article_versions SET name = 'x'`).run();
    },
    close,
  };
});
