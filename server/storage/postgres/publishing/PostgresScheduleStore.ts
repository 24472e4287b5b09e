import type { Schedule, ScheduleStore } from '../../PublicationStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface ScheduleRow {
  article_id: string;
  publish_at: Date | null;
  embargo_until: Date | null;
  set_by: string;
  updated_at: Date;
  last_error: string | null;
}

const GET = 'SELECT * FROM publish_schedule WHERE article_id = $1';
const SET = `
  INSERT INTO publish_schedule (article_id, publish_at, embargo_until, set_by, updated_at, last_error)
  VALUES ($1, $2, $3, $4, $5, NULL)
  ON CONFLICT (article_id) DO UPDATE SET publish_at = excluded.publish_at, embargo_until = excluded.embargo_until,
    set_by = excluded.set_by, updated_at = excluded.updated_at, last_error = NULL`;
const FINISH = 'UPDATE publish_schedule SET publish_at = NULL, last_error = $2, updated_at = $3 WHERE article_id = $1';
// Ties in byte order of the id, as SQLite's BINARY collation sorts them, whatever the database's locale.
const DUE = 'SELECT * FROM publish_schedule WHERE publish_at IS NOT NULL AND publish_at <= $1 ORDER BY publish_at, article_id COLLATE "C"';
const NEXT = 'SELECT min(publish_at) AS publish_at FROM publish_schedule WHERE publish_at IS NOT NULL';

function toSchedule(row: ScheduleRow): Schedule {
  return {
    articleId: row.article_id,
    publishAt: row.publish_at?.toISOString() ?? null,
    embargoUntil: row.embargo_until?.toISOString() ?? null,
    setBy: row.set_by,
    updatedAt: row.updated_at.toISOString(),
    lastError: row.last_error,
  };
}

/** ScheduleStore on PostgreSQL: one row per story, so a restart finds every pending schedule. */
export class PostgresScheduleStore implements ScheduleStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async get(articleId: string): Promise<Schedule | null> {
    const { rows } = await this.#unit.query<ScheduleRow>(GET, [articleId]);
    return rows[0] ? toSchedule(rows[0]) : null;
  }

  async set(schedule: Omit<Schedule, 'lastError'>): Promise<void> {
    const { articleId, publishAt, embargoUntil, setBy, updatedAt } = schedule;
    await this.#unit.query(SET, [articleId, publishAt, embargoUntil, setBy, updatedAt]);
  }

  async finish(articleId: string, error: string | null, at: string): Promise<void> {
    await this.#unit.query(FINISH, [articleId, error, at]);
  }

  async due(now: string): Promise<Schedule[]> {
    const { rows } = await this.#unit.query<ScheduleRow>(DUE, [now]);
    return rows.map(toSchedule);
  }

  async nextPublishAt(): Promise<string | null> {
    const { rows } = await this.#unit.query<{ publish_at: Date | null }>(NEXT);
    return rows[0]?.publish_at?.toISOString() ?? null;
  }
}
