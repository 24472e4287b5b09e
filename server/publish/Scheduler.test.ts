import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { publishArticle } from './publishArticle.ts';
import { scheduleArticle } from './scheduleArticle.ts';
import { Scheduler } from './Scheduler.ts';
import { SqliteScheduleStore } from '../storage/sqlite/publishing/SqliteScheduleStore.ts';
import { fixtureWith, openTestNewsroom, type TestNewsroom } from './testPublishing.ts';

let n: TestNewsroom;
beforeEach(() => {
  n = openTestNewsroom({ start: '2024-05-01T09:00:00.000Z' });
});
afterEach(() => n.close());

const standalone = () =>
  fixtureWith((a) => {
    a.doc.content = a.doc.content!.filter((b) => !(b.type === 'relatedLink' && String(b.attrs?.href).startsWith('/stories/')));
  });

function scheduler(): Scheduler {
  return new Scheduler({
    schedule: n.deps.schedule,
    clock: n.clock,
    timers: n.clock,
    publish: async (articleId, by) => await publishArticle(n.deps, { articleId, by }),
  });
}

describe('Scheduler', () => {
  it('publishes a scheduled story when its time comes, not before', async () => {
    n.addStory('a1', 'approved', standalone());
    expect(await scheduleArticle(n.deps, { articleId: 'a1', by: 'chief', publishAt: '2024-05-01T10:00:00Z', embargoUntil: null })).toMatchObject({ ok: true });
    const s = scheduler();
    s.start();
    await s.settled;
    n.clock.set('2024-05-01T09:59:59.999Z');
    await s.settled;
    expect(await n.deps.publications.latest('a1')).toBeNull();
    n.clock.set('2024-05-01T10:00:00.000Z');
    await s.settled;
    expect(await n.deps.publications.latest('a1')).toMatchObject({ version: 1, publishedBy: 'chief', publishedAt: '2024-05-01T10:00:00.000Z' });
    expect(await n.deps.schedule.get('a1')).toMatchObject({ publishAt: null, lastError: null });
    expect(n.clock.pending).toBe(0);
    s.stop();
  });

  it('survives a restart: schedules are read back from the database and due ones published on start', async () => {
    n.addStory('a1', 'approved', standalone());
    await scheduleArticle(n.deps, { articleId: 'a1', by: 'chief', publishAt: '2024-05-01T10:00:00Z', embargoUntil: null });
    const first = scheduler();
    first.start();
    first.stop(); // the server goes down before 10:00
    n.clock.set('2024-05-01T11:00:00.000Z');
    await first.settled;
    expect(await n.deps.publications.latest('a1')).toBeNull();
    // A new process: a fresh connection and store on the same file.
    const db = new Database(path.join(n.dir, 'test.sqlite'));
    try {
      const reopened = new SqliteScheduleStore(db);
      expect(await reopened.nextPublishAt()).toBe('2024-05-01T10:00:00.000Z');
    } finally {
      db.close();
    }
    const second = scheduler();
    second.start();
    await second.settled;
    expect((await n.deps.publications.latest('a1'))?.publishedAt).toBe('2024-05-01T11:00:00.000Z');
    second.stop();
  });

  it('records why a scheduled publication was refused and does not retry it', async () => {
    n.addStory('a1', 'in_review', standalone());
    await scheduleArticle(n.deps, { articleId: 'a1', by: 'chief', publishAt: '2024-05-01T10:00:00Z', embargoUntil: null });
    const s = scheduler();
    s.start();
    await s.settled;
    n.clock.set('2024-05-01T10:00:00.000Z');
    await s.settled;
    expect(await n.deps.publications.latest('a1')).toBeNull();
    expect(await n.deps.schedule.get('a1')).toMatchObject({ publishAt: null, lastError: 'Only an approved story can be published.' });
    expect(n.clock.pending).toBe(0);
    s.stop();
  });

  it('wakes for the earliest schedule after a change, and keeps the embargo on what it publishes', async () => {
    n.addStory('a1', 'approved', standalone());
    n.addStory('a2', 'approved', fixtureWith((a) => {
      a.meta.slug = 'second';
      a.doc.content = a.doc.content!.filter((b) => !(b.type === 'relatedLink' && String(b.attrs?.href).startsWith('/stories/')));
    }));
    const s = scheduler();
    s.start();
    await s.settled;
    await scheduleArticle(n.deps, { articleId: 'a1', by: 'chief', publishAt: '2024-05-02T10:00:00Z', embargoUntil: null });
    s.reschedule();
    await s.settled;
    await scheduleArticle(n.deps, { articleId: 'a2', by: 'chief', publishAt: '2024-05-01T10:00:00Z', embargoUntil: '2024-05-01T12:00:00Z' });
    s.reschedule();
    await s.settled;
    n.clock.set('2024-05-01T10:00:00.000Z');
    await s.settled;
    expect(await n.deps.publications.latest('a2')).toMatchObject({ embargoUntil: '2024-05-01T12:00:00.000Z' });
    expect(await n.deps.publications.latest('a1')).toBeNull();
    n.clock.set('2024-05-02T10:00:00.000Z');
    await s.settled;
    expect((await n.deps.publications.latest('a1'))?.version).toBe(1);
    s.stop();
  });

  it('refuses a time in the past, a bad date and an unknown story', async () => {
    n.addStory('a1');
    expect(await scheduleArticle(n.deps, { articleId: 'a1', by: 'c', publishAt: '2024-05-01T08:00:00Z', embargoUntil: null })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await scheduleArticle(n.deps, { articleId: 'a1', by: 'c', publishAt: null, embargoUntil: 'soon' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await scheduleArticle(n.deps, { articleId: 'zz', by: 'c', publishAt: null, embargoUntil: null })).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
