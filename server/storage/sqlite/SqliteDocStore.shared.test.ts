import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../DocStore.ts';
import type { Storage } from '../Storage.ts';
import { openDatabase } from './openDatabase.ts';
import { openSqliteStorage } from './openSqliteStorage.ts';

const now = new Date().toISOString();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Two servers' storage on one SQLite file, as `REDIS_URL` (or its absence) has them, one story open on both. */
async function twoServers(redisUrl: string | null): Promise<{ a: DocStore; b: DocStore; fresh: () => Storage }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shared-'));
  const open = () => {
    const storage = openSqliteStorage({ dataDir, sqliteSynchronous: 'NORMAL', redisUrl });
    cleanups.unshift(() => storage.close());
    return storage;
  };
  const [a, b] = [open(), open()];
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const db = openDatabase(dataDir);
  db.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)').run('s', 's', now, now);
  db.close();
  return { a: a.docs, b: b.docs, fresh: open };
}

async function type(doc: Y.Doc, store: DocStore, text: string): Promise<void> {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  await store.appendAll([{ articleId: 's', update: Y.encodeStateAsUpdate(doc, before) }]);
}

describe('two servers on one SQLite file (REDIS_URL set)', () => {
  it('a compaction on one server keeps what the other server appended between its own rows', async () => {
    const { a, b, fresh } = await twoServers('redis://127.0.0.1:6379');
    await a.load('s');
    await b.load('s');
    const onA = new Y.Doc();
    const onB = new Y.Doc();
    await type(onA, a, 'a');
    await type(onB, b, 'b');
    await type(onA, a, 'c');
    expect(await a.compact('s')).toBe(3);
    const both = new Y.Doc();
    Y.applyUpdate(both, Y.encodeStateAsUpdate(onA));
    Y.applyUpdate(both, Y.encodeStateAsUpdate(onB));
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await fresh().docs.load('s')).state!);
    expect(loaded.getText('t').toString()).toHaveLength(3);
    expect(loaded.getText('t').toString()).toBe(both.getText('t').toString());
  });
});
