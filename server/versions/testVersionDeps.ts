import type Database from 'better-sqlite3';
import { ManualClock } from '../publish/ManualClock.ts';
import { SqliteVersionStore } from '../storage/sqlite/versions/SqliteVersionStore.ts';
import { insertVersionsTestArticle, openVersionsTestDatabase } from '../storage/sqlite/versions/testDatabase.ts';
import type { VersionDeps } from './VersionDeps.ts';

/** Real version storage on a temporary SQLite file, a manual clock, and story `a` to version. */
export function openTestVersionDeps(): { deps: VersionDeps & { clock: ManualClock }; db: Database.Database; close: () => void } {
  const { db, close } = openVersionsTestDatabase();
  insertVersionsTestArticle(db, 'a');
  const clock = new ManualClock('2024-05-01T09:00:00.000Z');
  return { deps: { versions: new SqliteVersionStore(db), clock }, db, close };
}
