import { MAX_NOTICES_PER_WRITER, type StoredNotice, type WordsBackStore } from '../../WordsBackStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

const ADD = 'INSERT INTO words_back (article_id, user_id, notice, created_at) VALUES ($1, $2, $3, $4) RETURNING id';
const PENDING = 'SELECT id, notice, created_at FROM words_back WHERE article_id = $1 AND user_id = $2 ORDER BY id LIMIT $3';
const TRIM = `DELETE FROM words_back WHERE article_id = $1 AND user_id = $2 AND id <=
  (SELECT id FROM words_back WHERE article_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT 1 OFFSET $3)`;
const DELIVERED = 'DELETE FROM words_back WHERE article_id = $1 AND user_id = $2 AND id = ANY($3::bigint[])';
const EXPIRE = 'DELETE FROM words_back WHERE created_at < $1';

/** WordsBackStore on PostgreSQL (`words_back`); ids are bigint, given back as numbers. */
export class PostgresWordsBackStore implements WordsBackStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async add(articleId: string, userId: number, notice: string): Promise<number> {
    const result = await this.#unit.query<{ id: string }>(ADD, [articleId, userId, notice, new Date().toISOString()]);
    await this.#unit.query(TRIM, [articleId, userId, MAX_NOTICES_PER_WRITER]);
    return Number(result.rows[0]!.id);
  }

  async pending(articleId: string, userId: number, limit: number): Promise<StoredNotice[]> {
    const result = await this.#unit.query<{ id: string; notice: string; created_at: Date }>(PENDING, [articleId, userId, limit]);
    return result.rows.map((row): StoredNotice => ({ id: Number(row.id), notice: row.notice, createdAt: row.created_at.toISOString() }));
  }

  async delivered(articleId: string, userId: number, ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.#unit.query(DELIVERED, [articleId, userId, ids.map(String)])).rowCount ?? 0;
  }

  async expire(before: Date): Promise<number> {
    return (await this.#unit.query(EXPIRE, [before.toISOString()])).rowCount ?? 0;
  }
}
