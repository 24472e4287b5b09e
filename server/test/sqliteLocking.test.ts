import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupResponse } from '../../shared/api.ts';
import { DatabaseInUseError } from '../storage/DatabaseInUseError.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, signInAdmin, startTestServer, tempDataDir, waitFor } from './helpers.ts';
import { spawnServer } from './spawnServer.ts';
import { storedStory } from './storedStory.ts';

/**
 * One server keeps its SQLite file to itself (SQLITE_LOCKING=exclusive, the default): nobody else
 * opens it while the server runs, a second server on the same data folder refuses to start (it
 * would miss the first one's edits), and the server still stores, backs up and reloads everything.
 */
describe('a server holding its SQLite file', () => {
  it('stores and backs up what is typed, shuts out other connections and a second server, and lets go when it stops', async () => {
    const dir = tempDataDir();
    const backups = tempDataDir();
    const first = await startTestServer(dir.dataDir, { sqliteLocking: 'exclusive', backupDir: backups.dataDir });
    let stopped = false;
    try {
      const admin = await signInAdmin(first.url);
      const id = await createStory(first.url, 'Kept to itself', admin);
      const writer = connectClient(first.url, id, { auth: admin });
      const reader = connectClient(first.url, id, { auth: admin });
      await Promise.all([writer.synced, reader.synced]);
      appendParagraph(writer.ydoc, 'typed while the file was held');
      await waitFor('the colleague to have the line', () => paragraphs(reader.ydoc).includes('typed while the file was held'));

      // The WAL index lives in the server's memory: no shared-memory file beside the database.
      expect(fs.existsSync(`${databasePath(dir.dataDir)}-shm`)).toBe(false);
      const outside = new Database(databasePath(dir.dataDir), { readonly: true, timeout: 100 });
      try {
        expect(() => outside.prepare('SELECT count(*) FROM articles').get()).toThrow(/locked/);
      } finally {
        outside.close();
      }
      await expect(startTestServer(dir.dataDir, { sqliteLocking: 'exclusive' })).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(startTestServer(dir.dataDir, { sqliteLocking: 'normal' })).rejects.toBeInstanceOf(DatabaseInUseError);

      // Copies come from the server itself.
      const taken = await api<BackupResponse>(first.url, 'POST', '/api/backups', undefined, admin);
      expect(taken.status).toBe(201);
      const restored = tempDataDir();
      try {
        fs.copyFileSync(path.join(backups.dataDir, taken.body.file), databasePath(restored.dataDir));
        expect(paragraphs(storedStory(restored.dataDir, id))).toContain('typed while the file was held');
      } finally {
        restored.remove();
      }
      writer.destroy();
      reader.destroy();

      await first.stop();
      stopped = true;
      expect(paragraphs(storedStory(dir.dataDir, id))).toContain('typed while the file was held');
      const next = await startTestServer(dir.dataDir, { sqliteLocking: 'exclusive' });
      try {
        const again = connectClient(next.url, id, { auth: await signInAdmin(next.url) });
        await again.synced;
        expect(paragraphs(again.ydoc)).toContain('typed while the file was held');
        again.destroy();
      } finally {
        await next.stop();
      }
    } finally {
      if (!stopped) await first.stop();
      backups.remove();
      dir.remove();
    }
  }, 60_000);

  it('a second server process on the same data folder exits at start, naming the way out; the first runs on', async () => {
    const dir = tempDataDir();
    const first = await spawnServer({ dataDir: dir.dataDir });
    try {
      await expect(spawnServer({ dataDir: dir.dataDir })).rejects.toThrow(/in use by another Copydesk server[\s\S]*REDIS_URL/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.kill();
      dir.remove();
    }
  }, 60_000);
});
