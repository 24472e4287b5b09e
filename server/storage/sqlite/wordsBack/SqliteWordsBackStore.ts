import type Database from 'better-sqlite3';
import type { StoredNotice, WordsBackStore } from '../../WordsBackStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

/** WordsBackStore on SQLite (`words_back`); `created_at` is an ISO string, so times compare as text. */
export class SqliteWordsBackStore implements WordsBackStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #add: Database.Statement<[string, number, string, string]>;
  readonly #pending: Database.Statement<[string, number, number], { id: number; notice: string; created_at: string }>;
  readonly #delivered: Database.Statement<[string, number, number]>;
  readonly #expire: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#add = db.prepare('INSERT INTO words_back (article_id, user_id, notice, created_at) VALUES (?, ?, ?, ?)');
    this.#pending = db.prepare('SELECT id, notice, created_at FROM words_back WHERE article_id = ? AND user_id = ? ORDER BY id LIMIT ?');
    this.#delivered = db.prepare('DELETE FROM words_back WHERE article_id = ? AND user_id = ? AND id <= ?');
    this.#expire = db.prepare('DELETE FROM words_back WHERE created_at < ?');
  }

  add(articleId: string, userId: number, notice: string): Promise<number> {
    return this.#unit.run(() => Number(this.#add.run(articleId, userId, notice, new Date().toISOString()).lastInsertRowid));
  }

  pending(articleId: string, userId: number, limit: number): Promise<StoredNotice[]> {
    return this.#unit.run(() =>
      this.#pending.all(articleId, userId, limit).map((row): StoredNotice => ({ id: row.id, notice: row.notice, createdAt: row.created_at })),
    );
  }

  delivered(articleId: string, userId: number, throughId: number): Promise<number> {
    return this.#unit.run(() => this.#delivered.run(articleId, userId, throughId).changes);
  }

  expire(before: Date): Promise<number> {
    return this.#unit.run(() => this.#expire.run(before.toISOString()).changes);
  }
}
