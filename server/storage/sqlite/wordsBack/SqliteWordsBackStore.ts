import type Database from 'better-sqlite3';
import { MAX_NOTICES_PER_WRITER, type StoredNotice, type WordsBackStore } from '../../WordsBackStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

/** WordsBackStore on SQLite (`words_back`); `created_at` is an ISO string, so times compare as text. */
export class SqliteWordsBackStore implements WordsBackStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #add: (articleId: string, userId: number, notice: string) => number;
  readonly #pending: Database.Statement<[string, number, number], { id: number; notice: string; created_at: string }>;
  readonly #delivered: Database.Statement<[string, number, string]>;
  readonly #expire: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    const insert = db.prepare<[string, number, string, string]>('INSERT INTO words_back (article_id, user_id, notice, created_at) VALUES (?, ?, ?, ?)');
    const trim = db.prepare<[string, number, string, number, number]>(
      `DELETE FROM words_back WHERE article_id = ? AND user_id = ? AND id <=
         (SELECT id FROM words_back WHERE article_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    );
    this.#add = db.transaction((articleId: string, userId: number, notice: string) => {
      const id = Number(insert.run(articleId, userId, notice, new Date().toISOString()).lastInsertRowid);
      trim.run(articleId, userId, articleId, userId, MAX_NOTICES_PER_WRITER);
      return id;
    });
    this.#pending = db.prepare('SELECT id, notice, created_at FROM words_back WHERE article_id = ? AND user_id = ? ORDER BY id LIMIT ?');
    this.#delivered = db.prepare('DELETE FROM words_back WHERE article_id = ? AND user_id = ? AND id IN (SELECT value FROM json_each(?))');
    this.#expire = db.prepare('DELETE FROM words_back WHERE created_at < ?');
  }

  add(articleId: string, userId: number, notice: string): Promise<number> {
    return this.#unit.run(() => this.#add(articleId, userId, notice));
  }

  pending(articleId: string, userId: number, limit: number): Promise<StoredNotice[]> {
    return this.#unit.run(() =>
      this.#pending.all(articleId, userId, limit).map((row): StoredNotice => ({ id: row.id, notice: row.notice, createdAt: row.created_at })),
    );
  }

  delivered(articleId: string, userId: number, ids: readonly number[]): Promise<number> {
    return this.#unit.run(() => (ids.length === 0 ? 0 : this.#delivered.run(articleId, userId, JSON.stringify(ids)).changes));
  }

  expire(before: Date): Promise<number> {
    return this.#unit.run(() => this.#expire.run(before.toISOString()).changes);
  }
}
