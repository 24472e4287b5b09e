import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { SlugRecord, SlugStore } from '../../PublicationStore.ts';

interface SlugRow {
  section: string;
  slug: string;
  article_id: string;
  current: number;
}

function toRecord(row: SlugRow): SlugRecord {
  return { articleId: row.article_id, section: row.section, slug: row.slug, current: row.current === 1 };
}

/** SlugStore on SQLite: (section, slug) is the primary key, so an address belongs to one story forever. */
export class SqliteSlugStore implements SlugStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #current: Database.Statement<[string], SlugRow>;
  readonly #resolve: Database.Statement<[string, string], SlugRow>;
  readonly #claim: (articleId: string, section: string, slug: string, at: string) => SlugRecord;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#current = db.prepare('SELECT * FROM article_slugs WHERE article_id = ? AND current = 1');
    this.#resolve = db.prepare('SELECT * FROM article_slugs WHERE section = ? AND slug = ?');
    const retire = db.prepare('UPDATE article_slugs SET current = 0 WHERE article_id = ? AND current = 1');
    const insert = db.prepare('INSERT INTO article_slugs (section, slug, article_id, current, created_at) VALUES (?, ?, ?, 1, ?)');
    const revive = db.prepare('UPDATE article_slugs SET current = 1 WHERE section = ? AND slug = ? AND article_id = ?');
    this.#claim = db.transaction((articleId: string, section: string, slug: string, at: string): SlugRecord => {
      const current = this.#current.get(articleId);
      if (current && current.section === section && current.slug === slug) return toRecord(current);
      for (let n = 1; ; n += 1) {
        const candidate = n === 1 ? slug : `${slug}-${n}`;
        const taken = this.#resolve.get(section, candidate);
        if (taken && taken.article_id !== articleId) continue;
        retire.run(articleId);
        // Going back to one of its own old addresses makes it current again.
        if (taken) revive.run(section, candidate, articleId);
        else insert.run(section, candidate, articleId, at);
        return { articleId, section, slug: candidate, current: true };
      }
    });
  }

  current(articleId: string): Promise<SlugRecord | null> {
    return this.#unit.run(() => {
      const row = this.#current.get(articleId);
      return row ? toRecord(row) : null;
    });
  }

  resolve(section: string, slug: string): Promise<SlugRecord | null> {
    return this.#unit.run(() => {
      const row = this.#resolve.get(section, slug);
      return row ? toRecord(row) : null;
    });
  }

  claim(articleId: string, section: string, slug: string, at: string): Promise<SlugRecord> {
    return this.#unit.run(() => this.#claim(articleId, section, slug, at));
  }
}
