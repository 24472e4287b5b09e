import Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { NinjsItem } from '../../../../shared/export/toNinjs.ts';
import {
  PublicationExistsError,
  type NewPublication,
  type Publication,
  type PublicationStore,
  type PublicationSummary,
  type SiteState,
} from '../../PublicationStore.ts';

interface PublicationRow {
  id: number;
  article_id: string;
  version: number;
  published_at: string;
  published_by: string;
  section: string;
  slug: string;
  headline: string;
  standfirst: string;
  byline: string;
  tags: string;
  first_published_at: string;
  embargo_until: string | null;
  correction: string | null;
  html?: string;
  ninjs?: string;
}

interface SiteRow {
  article_id: string;
  state: SiteState['state'];
  changed_at: string;
  changed_by: string;
}

const SUMMARY_COLUMNS = `id, article_id, version, published_at, published_by, section, slug, headline, standfirst,
  byline, tags, first_published_at, embargo_until, correction`;

function toSummary(row: PublicationRow): PublicationSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    version: row.version,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    section: row.section,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    byline: row.byline,
    tags: JSON.parse(row.tags) as string[],
    firstPublishedAt: row.first_published_at,
    embargoUntil: row.embargo_until,
    correction: row.correction,
  };
}

function toPublication(row: PublicationRow): Publication {
  return { ...toSummary(row), html: row.html!, ninjs: JSON.parse(row.ninjs!) as NinjsItem };
}

/** PublicationStore on SQLite. There is no UPDATE of a publication here, and triggers refuse one. */
export class SqlitePublicationStore implements PublicationStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #insert: Database.Statement<Record<string, unknown>, PublicationRow>;
  readonly #latest: Database.Statement<[string], PublicationRow>;
  readonly #get: Database.Statement<[string, number], PublicationRow>;
  readonly #list: Database.Statement<[string], PublicationRow>;
  readonly #siteState: Database.Statement<[string], SiteRow>;
  readonly #setSiteState: Database.Statement<Record<string, unknown>>;
  readonly #visible: Database.Statement<{ now: string; limit: number }, PublicationRow>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#insert = db.prepare(
      `INSERT INTO publications (article_id, version, published_at, published_by, section, slug, headline, standfirst,
         byline, tags, first_published_at, embargo_until, correction, html, ninjs)
       VALUES (@articleId, @version, @publishedAt, @publishedBy, @section, @slug, @headline, @standfirst,
         @byline, @tags, @firstPublishedAt, @embargoUntil, @correction, @html, @ninjs) RETURNING *`,
    );
    this.#latest = db.prepare('SELECT * FROM publications WHERE article_id = ? ORDER BY version DESC LIMIT 1');
    this.#get = db.prepare('SELECT * FROM publications WHERE article_id = ? AND version = ?');
    this.#list = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM publications WHERE article_id = ? ORDER BY version DESC`);
    this.#siteState = db.prepare('SELECT * FROM site_state WHERE article_id = ?');
    this.#setSiteState = db.prepare(
      `INSERT INTO site_state (article_id, state, changed_at, changed_by) VALUES (@articleId, @state, @changedAt, @changedBy)
       ON CONFLICT (article_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    );
    this.#visible = db.prepare(
      `SELECT p.* FROM publications p
       JOIN site_state s ON s.article_id = p.article_id AND s.state = 'live'
       WHERE p.version = (SELECT MAX(version) FROM publications WHERE article_id = p.article_id)
         AND (p.embargo_until IS NULL OR p.embargo_until <= @now)
       ORDER BY p.published_at DESC, p.id DESC LIMIT @limit`,
    );
  }

  insert(publication: NewPublication): Promise<Publication> {
    return this.#unit.run(() => {
      try {
        const row = this.#insert.get({ ...publication, tags: JSON.stringify(publication.tags), ninjs: JSON.stringify(publication.ninjs) });
        return toPublication(row!);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new PublicationExistsError(publication.articleId, publication.version, { cause: error });
        }
        throw error;
      }
    });
  }

  latest(articleId: string): Promise<Publication | null> {
    return this.#unit.run(() => {
      const row = this.#latest.get(articleId);
      return row ? toPublication(row) : null;
    });
  }

  get(articleId: string, version: number): Promise<Publication | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(articleId, version);
      return row ? toPublication(row) : null;
    });
  }

  list(articleId: string): Promise<PublicationSummary[]> {
    return this.#unit.run(() => this.#list.all(articleId).map(toSummary));
  }

  siteState(articleId: string): Promise<SiteState | null> {
    return this.#unit.run(() => {
      const row = this.#siteState.get(articleId);
      return row ? { articleId: row.article_id, state: row.state, changedAt: row.changed_at, changedBy: row.changed_by } : null;
    });
  }

  setSiteState(state: SiteState): Promise<void> {
    return this.#unit.run(() => {
      this.#setSiteState.run({ ...state });
    });
  }

  visible(now: string, limit: number): Promise<Publication[]> {
    return this.#unit.run(() => this.#visible.all({ now, limit }).map(toPublication));
  }
}
