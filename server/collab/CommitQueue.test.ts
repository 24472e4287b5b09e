import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import { createLogger } from '../log.ts';
import type { DocStore, PendingUpdate } from '../storage/DocStore.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { CommitQueue } from './CommitQueue.ts';

/** The real SQLite store, made to fail its appends while `failing` is set. */
class FailingWhenAsked implements DocStore {
  failing = false;
  constructor(readonly inner: SqliteDocStore) {}
  load(id: string) {
    return this.inner.load(id);
  }
  async appendAll(updates: readonly PendingUpdate[]) {
    if (this.failing) throw new Error('SQLITE_FULL: database or disk is full');
    await this.inner.appendAll(updates);
  }
  compact(id: string) {
    return this.inner.compact(id);
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('CommitQueue.afterEachCommit', () => {
  let dir: string;
  let db: ReturnType<typeof openDatabase>;
  let store: FailingWhenAsked;
  let queue: CommitQueue;
  const log = createLogger('silent');
  const storedRows = () => (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-commits-'));
    db = openDatabase(dir);
    const now = new Date().toISOString();
    await new SqliteArticleStore(db).create(
      { id: 's', headline: 'H', status: 'draft', byline: '', slug: 'h', section: '', tags: [], wordCount: 1, createdAt: now, updatedAt: now },
      initialArticleState('H'),
    );
    store = new FailingWhenAsked(new SqliteDocStore(db));
    queue = new CommitQueue(store, log);
  });
  afterEach(() => {
    queue.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs once per commit, after every update of it was handled, with the updates stored', async () => {
    const events: string[] = [];
    queue.afterEachCommit(() => events.push(`after commit (${storedRows()} stored)`));
    for (const n of [1, 2, 3]) queue.push({ articleId: 's', update: new Uint8Array([n]), onStored: () => events.push(`stored ${n}`) });
    expect(events).toEqual([]);
    await turn();
    expect(events).toEqual(['stored 1', 'stored 2', 'stored 3', 'after commit (3 stored)']);
    queue.push({ articleId: 's', update: new Uint8Array([4]), onStored: () => events.push('stored 4') });
    await turn();
    expect(events.slice(4)).toEqual(['stored 4', 'after commit (4 stored)']);
  });

  it('does not run for a commit that failed, and runs for its retry', async () => {
    let runs = 0;
    queue.afterEachCommit(() => (runs += 1));
    store.failing = true;
    queue.push({ articleId: 's', update: new Uint8Array([1]), onStored: () => {} });
    await turn();
    expect(queue.failing).toBe(true);
    expect(runs).toBe(0);
    store.failing = false;
    await queue.drain();
    expect(runs).toBe(1);
    expect(storedRows()).toBe(1);
  });

  it('stops when asked, and a throwing listener neither stops the others nor the queue', async () => {
    let kept = 0;
    let stopped = 0;
    queue.afterEachCommit(() => {
      throw new Error('a listener failed');
    });
    queue.afterEachCommit(() => (kept += 1));
    const stop = queue.afterEachCommit(() => (stopped += 1));
    stop();
    queue.push({ articleId: 's', update: new Uint8Array([1]), onStored: () => {} });
    await turn();
    queue.push({ articleId: 's', update: new Uint8Array([2]), onStored: () => {} });
    await turn();
    expect([kept, stopped, storedRows()]).toEqual([2, 0, 2]);
  });
});
