import type Database from 'better-sqlite3';
import type { StoryEraser } from '../../StoryEraser.ts';
import { keepLogHead } from '../keepLogHead.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

/** Rows that go with the story, deleted explicitly rather than trusting each table's cascade. */
const OWN_TABLES = ['doc_updates', 'doc_snapshots', 'article_versions', 'article_members', 'audit_log', 'publish_schedule',
  'authorship_writers', 'authorship_changes', 'words_back'] as const;

/** Tables that keep referencing a deleted story (the public record): while one does, its row stays as an empty tombstone. */
const RECORD_TABLES = ['publications', 'article_slugs', 'site_state', 'webhook_deliveries'] as const;

/**
 * StoryEraser on SQLite. The publishing tables reference `articles (id)` without a cascade, so a
 * story that ever went out keeps its row, emptied and marked `deleted_at` (hidden from every read);
 * any other story's row is deleted.
 */
export class SqliteStoryEraser implements StoryEraser {
  readonly #unit: SqliteUnitOfWork;
  readonly #erase: (articleId: string, at: string) => boolean;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    const exists = db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ? AND deleted_at IS NULL');
    const deletes = OWN_TABLES.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE article_id = ?`));
    const referenced = db.prepare<{ id: string }, { n: number }>(
      `SELECT ${RECORD_TABLES.map((table) => `(SELECT count(*) FROM ${table} WHERE article_id = @id)`).join(' + ')} AS n`,
    );
    const tombstone = db.prepare<[string, string]>(
      `UPDATE articles SET headline = '', byline = '', slug = '', section = '', tags = '[]', word_count = 0,
         spiked_at = NULL, spiked_by = NULL, deleted_at = ? WHERE id = ?`,
    );
    const remove = db.prepare<[string]>('DELETE FROM articles WHERE id = ?');
    this.#erase = (articleId, at) => {
      if (!exists.get(articleId)) return false;
      for (const statement of deletes) statement.run(articleId);
      // The story may have held the log's newest rows.
      keepLogHead(db);
      const row = referenced.get({ id: articleId });
      if ((row?.n ?? 0) > 0) tombstone.run(at, articleId);
      else remove.run(articleId);
      return true;
    };
  }

  erase(articleId: string, at: string): Promise<boolean> {
    return this.#unit.run(() => this.#erase(articleId, at));
  }
}
