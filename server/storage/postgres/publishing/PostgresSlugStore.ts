import type { SlugRecord, SlugStore } from '../../PublicationStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

/**
 * First key of the per-story advisory lock a claim takes (`pg_advisory_xact_lock(key, hashtext(id))`),
 * so two claims for one story take turns; the two-key form never collides with the migration lock.
 */
export const SLUG_CLAIM_LOCK_CLASS = 0x736c7567; // "slug"

interface SlugRow {
  section: string;
  slug: string;
  article_id: string;
  current: boolean;
}

const CURRENT = 'SELECT section, slug, article_id, current FROM article_slugs WHERE article_id = $1 AND current';
const RESOLVE = 'SELECT section, slug, article_id, current FROM article_slugs WHERE section = $1 AND slug = $2';
const LOCK_STORY = 'SELECT pg_advisory_xact_lock($1, hashtext($2))';
const RETIRE = 'UPDATE article_slugs SET current = false WHERE article_id = $1 AND current';
const REVIVE = 'UPDATE article_slugs SET current = true WHERE section = $1 AND slug = $2 AND article_id = $3';
// DO NOTHING waits for a story inserting the same address to commit; then this insert returns no row.
const INSERT = `
  INSERT INTO article_slugs (section, slug, article_id, current, created_at) VALUES ($1, $2, $3, true, $4)
  ON CONFLICT (section, slug) DO NOTHING RETURNING section`;

function toRecord(row: SlugRow): SlugRecord {
  return { articleId: row.article_id, section: row.section, slug: row.slug, current: row.current };
}

/**
 * SlugStore on PostgreSQL: (section, slug) is the primary key, so an address belongs to one story
 * forever. A claim runs in one transaction (a savepoint of the caller's when there is one) under
 * its story's advisory lock; when another story takes a free address first, the claim moves on
 * to the next `slug-n` instead of failing.
 */
export class PostgresSlugStore implements SlugStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async current(articleId: string): Promise<SlugRecord | null> {
    const { rows } = await this.#unit.query<SlugRow>(CURRENT, [articleId]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async resolve(section: string, slug: string): Promise<SlugRecord | null> {
    const { rows } = await this.#unit.query<SlugRow>(RESOLVE, [section, slug]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  claim(articleId: string, section: string, slug: string, at: string): Promise<SlugRecord> {
    const unit = this.#unit;
    return unit.transact(async () => {
      await unit.query(LOCK_STORY, [SLUG_CLAIM_LOCK_CLASS, articleId]);
      const current = await this.current(articleId);
      if (current && current.section === section && current.slug === slug) return current;
      await unit.query(RETIRE, [articleId]);
      for (let n = 1; ; n += 1) {
        const candidate = n === 1 ? slug : `${slug}-${n}`;
        const taken = await this.resolve(section, candidate);
        if (taken && taken.articleId !== articleId) continue;
        // Going back to one of its own old addresses makes it current again.
        if (taken) {
          await unit.query(REVIVE, [section, candidate, articleId]);
          return { articleId, section, slug: candidate, current: true };
        }
        const inserted = await unit.query(INSERT, [section, candidate, articleId, at]);
        if (inserted.rowCount === 1) return { articleId, section, slug: candidate, current: true };
      }
    });
  }
}
