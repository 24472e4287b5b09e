import type { StoryEraser } from '../../StoryEraser.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

/**
 * What goes with the story. Only `article_versions` has a foreign key to `articles` (with a
 * cascade); the others have none, so every row is deleted explicitly.
 */
const OWN_TABLES = ['doc_updates', 'doc_snapshots', 'article_versions', 'article_members', 'audit_log', 'publish_schedule',
  'authorship_writers', 'authorship_changes', 'words_back'] as const;

/**
 * StoryEraser on PostgreSQL: deletes the story's rows and then its `articles` row, in one
 * transaction (the caller's, when there is one). Publications, addresses, site state and webhook
 * deliveries have no foreign key to `articles` and stay.
 */
export class PostgresStoryEraser implements StoryEraser {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  erase(articleId: string, _at: string): Promise<boolean> {
    return this.#unit.transact(async () => {
      const found = await this.#unit.query('SELECT 1 FROM articles WHERE id = $1 FOR UPDATE', [articleId]);
      if ((found.rowCount ?? 0) === 0) return false;
      for (const table of OWN_TABLES) await this.#unit.query(`DELETE FROM ${table} WHERE article_id = $1`, [articleId]);
      await this.#unit.query('DELETE FROM articles WHERE id = $1', [articleId]);
      return true;
    });
  }
}
