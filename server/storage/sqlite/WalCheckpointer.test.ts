import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from './openDatabase.ts';
import { WalCheckpointer } from './WalCheckpointer.ts';

describe('WalCheckpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies the write-ahead log into the database file from its worker while the server connection writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-wal-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (body BLOB NOT NULL)');
    const file = databasePath(dir);
    const sizeBefore = fs.statSync(file).size;
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run(Buffer.alloc(900, i % 256));
    // Nothing copied yet: the rows are only in the log.
    expect(fs.statSync(file).size).toBe(sizeBefore);

    const checkpointer = new WalCheckpointer(file, 20);
    const deadline = Date.now() + 5_000;
    while (fs.statSync(file).size < sizeBefore + 250 * 900 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 250 * 900);
    // The server connection keeps writing meanwhile and reads what it wrote.
    insert.run(Buffer.alloc(10, 1));
    expect((db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n).toBe(301);
    await checkpointer.stop();
    db.close();
  });
});
