import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storyEraserContract } from '../../storyEraserContract.ts';
import { openSqliteStorage } from '../openSqliteStorage.ts';

storyEraserContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-eraser-'));
  const storage = openSqliteStorage({ dataDir: dir, sqliteSynchronous: 'NORMAL' });
  return {
    ...storage,
    close: async () => {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
