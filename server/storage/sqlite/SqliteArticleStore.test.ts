import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleStoreContract } from '../articleStoreContract.ts';
import { openDatabase } from './openDatabase.ts';
import { SqliteArticleStore } from './SqliteArticleStore.ts';
import { SqliteDocStore } from './SqliteDocStore.ts';
import { sqliteUnitOf } from './SqliteUnitOfWork.ts';

articleStoreContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-articles-'));
  const db = openDatabase(dir);
  const docs = new SqliteDocStore(db);
  return {
    store: new SqliteArticleStore(db),
    unit: sqliteUnitOf(db),
    loadState: async (id) => (await docs.load(id)).state,
    // A real refusal from the database inside the transaction, as a full disk would give.
    failSnapshotsOf: (id) => {
      db.exec(
        `CREATE TRIGGER refuse_${id} BEFORE INSERT ON doc_snapshots WHEN NEW.article_id = '${id}' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
      );
    },
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
