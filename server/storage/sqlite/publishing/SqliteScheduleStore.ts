import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { Schedule, ScheduleStore } from '../../PublicationStore.ts';

interface ScheduleRow {
  article_id: string;
  publish_at: string | null;
  embargo_until: string | null;
  set_by: string;
  updated_at: string;
  last_error: string | null;
}

function toSchedule(row: ScheduleRow): Schedule {
  return {
    articleId: row.article_id,
    publishAt: row.publish_at,
    embargoUntil: row.embargo_until,
    setBy: row.set_by,
    updatedAt: row.updated_at,
    lastError: row.last_error,
  };
}

/** ScheduleStore on SQLite: one row per story, so a restart finds every pending schedule. */
export class SqliteScheduleStore implements ScheduleStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #get: Database.Statement<[string], ScheduleRow>;
  readonly #set: Database.Statement<Record<string, unknown>>;
  readonly #finish: Database.Statement<[string | null, string, string]>;
  readonly #due: Database.Statement<[string], ScheduleRow>;
  readonly #next: Database.Statement<[], { publish_at: string | null }>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#get = db.prepare('SELECT * FROM publish_schedule WHERE article_id = ?');
    this.#set = db.prepare(
      `INSERT INTO publish_schedule (article_id, publish_at, embargo_until, set_by, updated_at, last_error)
       VALUES (@articleId, @publishAt, @embargoUntil, @setBy, @updatedAt, NULL)
       ON CONFLICT (article_id) DO UPDATE SET publish_at = excluded.publish_at, embargo_until = excluded.embargo_until,
         set_by = excluded.set_by, updated_at = excluded.updated_at, last_error = NULL`,
    );
    this.#finish = db.prepare('UPDATE publish_schedule SET publish_at = NULL, last_error = ?, updated_at = ? WHERE article_id = ?');
    this.#due = db.prepare('SELECT * FROM publish_schedule WHERE publish_at IS NOT NULL AND publish_at <= ? ORDER BY publish_at, article_id');
    this.#next = db.prepare('SELECT MIN(publish_at) AS publish_at FROM publish_schedule WHERE publish_at IS NOT NULL');
  }

  get(articleId: string): Promise<Schedule | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(articleId);
      return row ? toSchedule(row) : null;
    });
  }

  set(schedule: Omit<Schedule, 'lastError'>): Promise<void> {
    return this.#unit.run(() => {
      this.#set.run({ ...schedule });
    });
  }

  finish(articleId: string, error: string | null, at: string): Promise<void> {
    return this.#unit.run(() => {
      this.#finish.run(error, at, articleId);
    });
  }

  due(now: string): Promise<Schedule[]> {
    return this.#unit.run(() => this.#due.all(now).map(toSchedule));
  }

  nextPublishAt(): Promise<string | null> {
    return this.#unit.run(() => this.#next.get()?.publish_at ?? null);
  }
}
