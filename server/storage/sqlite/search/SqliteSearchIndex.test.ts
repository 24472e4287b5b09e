import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchIndexContract } from '../../searchIndexContract.ts';
import { openDatabase } from '../openDatabase.ts';
import { SqliteSearchIndex } from './SqliteSearchIndex.ts';

searchIndexContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-search-'));
  const databases = [openDatabase(dir)];
  return {
    index: new SqliteSearchIndex(databases[0]!),
    reopen: () => {
      const db = openDatabase(dir);
      databases.push(db);
      return new SqliteSearchIndex(db);
    },
    close: () => {
      for (const db of databases) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
