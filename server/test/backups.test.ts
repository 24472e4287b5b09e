import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResponse, BackupsResponse } from '../../shared/api.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  createUser,
  metricValue,
  paragraphs,
  signInAdmin,
  startTestServer,
  tempDataDir,
  waitFor,
  waitUntil,
} from './helpers.ts';
import { spawnServer } from './spawnServer.ts';
import { storedStory } from './storedStory.ts';

const BACKUP_NAME = /^copydesk-\d{8}T\d{6}\.\d{3}Z\.sqlite$/;

/** Runs `npm run backup -- FILE`'s script against `dataDir`; resolves with its exit code and output. */
function runBackupCommand(dataDir: string, file: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup.ts', file], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

describe('backups of the SQLite database', () => {
  it('takes one at start and one when an admin asks; a server started on the copy has every word colleagues had received', async () => {
    const dir = tempDataDir();
    const backupDir = path.join(dir.dataDir, '..', `${path.basename(dir.dataDir)}-backups`);
    const server = await startTestServer(dir.dataDir, { backupDir, backupEveryMinutes: 60, backupKeep: 5 });
    const restoredDir = tempDataDir();
    try {
      await waitUntil('the start-up backup', async () => (await metricValue(server.url, 'copydesk_backups_total{result="written"}')) === 1);
      expect(fs.readdirSync(backupDir).filter((name) => BACKUP_NAME.test(name))).toHaveLength(1);

      const admin = await signInAdmin(server.url);
      const id = await createStory(server.url, 'Harbour fire', admin);
      const writer = connectClient(server.url, id, { auth: admin });
      const reader = connectClient(server.url, id, { auth: admin });
      await Promise.all([writer.synced, reader.synced]);
      for (let i = 0; i < 40; i++) appendParagraph(writer.ydoc, `line ${i}`);
      // A colleague received them: they were stored first.
      await waitFor('the reader to have every line', () => paragraphs(reader.ydoc).filter((text) => text.startsWith('line ')).length === 40);
      const seen = paragraphs(reader.ydoc);

      const reporter = await createUser(server.url, admin, 'rhona', 'reporter');
      expect((await api(server.url, 'POST', '/api/backups', undefined, reporter.auth)).status).toBe(403);
      const asked = await api<BackupResponse>(server.url, 'POST', '/api/backups', undefined, admin);
      expect(asked.status).toBe(201);
      expect(asked.body.file).toMatch(BACKUP_NAME);
      expect(asked.body.bytes).toBe(fs.statSync(path.join(backupDir, asked.body.file)).size);
      const list = await api<BackupsResponse>(server.url, 'GET', '/api/backups', undefined, admin);
      expect(list.body).toMatchObject({ on: true, everyMinutes: 60, keep: 5 });
      expect(list.body.backups.map((backup) => backup.file)).toEqual([asked.body.file, ...fs.readdirSync(backupDir).filter((name) => name !== asked.body.file)]);
      expect(list.body.backups[0]).toEqual({ file: asked.body.file, bytes: asked.body.bytes, takenAt: asked.body.takenAt });
      expect(Date.parse(asked.body.takenAt)).toBeGreaterThan(Date.now() - 60_000);
      expect((await api(server.url, 'GET', '/api/backups', undefined, reporter.auth)).status).toBe(403);
      expect(await metricValue(server.url, 'copydesk_backups_total{result="written"}')).toBe(2);
      expect(await metricValue(server.url, 'copydesk_backup_last_written_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
      writer.destroy();
      reader.destroy();

      // Restoring is copying the file into an empty data folder.
      fs.copyFileSync(path.join(backupDir, asked.body.file), databasePath(restoredDir.dataDir));
      const restored = await startTestServer(restoredDir.dataDir);
      try {
        const again = await signInAdmin(restored.url);
        const client = connectClient(restored.url, id, { auth: again });
        await client.synced;
        expect(paragraphs(client.ydoc)).toEqual(seen);
        client.destroy();
        const story = await api<{ headline: string }>(restored.url, 'GET', `/api/articles/${id}`, undefined, again);
        expect(story.body.headline).toBe('Harbour fire');
      } finally {
        await restored.stop();
      }
    } finally {
      await server.stop();
      restoredDir.remove();
      fs.rmSync(backupDir, { recursive: true, force: true });
      dir.remove();
    }
  }, 60_000);

  it('says backups are off, and answers 409 backups_off, where the server takes none', async () => {
    const dir = tempDataDir();
    const server = await startTestServer(dir.dataDir);
    try {
      const admin = await signInAdmin(server.url);
      const answer = await api<{ error: { id: string } }>(server.url, 'POST', '/api/backups', undefined, admin);
      expect(answer.status).toBe(409);
      expect(answer.body.error.id).toBe('backups_off');
      const list = await api<BackupsResponse>(server.url, 'GET', '/api/backups', undefined, admin);
      expect(list.body).toEqual({ on: false, everyMinutes: null, keep: null, backups: [] });
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  it('answers 503 backup_failed when the copy cannot be written, counts it, and goes on serving', async () => {
    const dir = tempDataDir();
    // The backup folder cannot be made: a file has its name.
    const blocked = path.join(dir.dataDir, 'not-a-folder');
    fs.mkdirSync(dir.dataDir, { recursive: true });
    fs.writeFileSync(blocked, 'in the way');
    const server = await startTestServer(dir.dataDir, { backupDir: blocked });
    try {
      const admin = await signInAdmin(server.url);
      const answer = await api<{ error: { id: string } }>(server.url, 'POST', '/api/backups', undefined, admin);
      expect(answer.status).toBe(503);
      expect(answer.body.error.id).toBe('backup_failed');
      expect(await metricValue(server.url, 'copydesk_backups_total{result="failed"}')).toBeGreaterThanOrEqual(1);
      expect(await metricValue(server.url, 'copydesk_backups_total{result="written"}')).toBe(0);
      expect((await createStory(server.url, 'Still here', admin)).length).toBeGreaterThan(0);
      expect(fs.readFileSync(blocked, 'utf8')).toBe('in the way');
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  it('npm run backup copies the database of a server running with SQLITE_LOCKING=normal, and never overwrites a file', async () => {
    const dir = tempDataDir();
    const server = await startTestServer(dir.dataDir, { sqliteLocking: 'normal' });
    const out = tempDataDir();
    try {
      const admin = await signInAdmin(server.url);
      const id = await createStory(server.url, 'Night shift', admin);
      const writer = connectClient(server.url, id, { auth: admin });
      const reader = connectClient(server.url, id, { auth: admin });
      await Promise.all([writer.synced, reader.synced]);
      appendParagraph(writer.ydoc, 'typed before the copy');
      await waitFor('the reader to have the line', () => paragraphs(reader.ydoc).includes('typed before the copy'));

      const file = databasePath(out.dataDir);
      const copied = await runBackupCommand(dir.dataDir, file);
      expect(copied.out).toContain('checked');
      expect(copied.code).toBe(0);
      expect(paragraphs(storedStory(out.dataDir, id))).toContain('typed before the copy');

      const refused = await runBackupCommand(dir.dataDir, file);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('exists already');
      writer.destroy();
      reader.destroy();
    } finally {
      await server.stop();
      out.remove();
      dir.remove();
    }
  }, 60_000);

  it('npm run backup beside a server holding its file (the default) says where copies come from, and writes nothing', async () => {
    const dir = tempDataDir();
    const out = tempDataDir();
    const server = await spawnServer({ dataDir: dir.dataDir });
    try {
      const file = databasePath(out.dataDir);
      const refused = await runBackupCommand(dir.dataDir, file);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('POST /api/backups');
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.readdirSync(out.dataDir).filter((name) => name.includes('copydesk'))).toEqual([]);
    } finally {
      await server.kill();
      out.remove();
      dir.remove();
    }
  }, 60_000);
});
