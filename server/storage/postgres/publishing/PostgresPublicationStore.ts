import type pg from 'pg';
import type { NinjsItem } from '../../../../shared/export/toNinjs.ts';
import {
  PublicationExistsError,
  type NewPublication,
  type Publication,
  type PublicationStore,
  type PublicationSummary,
  type SiteState,
} from '../../PublicationStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface PublicationRow {
  /** bigint, as text. */
  id: string;
  article_id: string;
  version: number;
  published_at: Date;
  published_by: string;
  section: string;
  slug: string;
  headline: string;
  standfirst: string;
  byline: string;
  tags: string[];
  first_published_at: Date;
  embargo_until: Date | null;
  correction: string | null;
  html?: string;
  /** `json`, parsed by the driver. */
  ninjs?: NinjsItem;
}

interface SiteRow {
  article_id: string;
  state: SiteState['state'];
  changed_at: Date;
  changed_by: string;
}

const SUMMARY_COLUMNS = `id, article_id, version, published_at, published_by, section, slug, headline, standfirst,
  byline, tags, first_published_at, embargo_until, correction`;

const INSERT = `
  INSERT INTO publications (article_id, version, published_at, published_by, section, slug, headline, standfirst,
    byline, tags, first_published_at, embargo_until, correction, html, ninjs)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`;
const LATEST = 'SELECT * FROM publications WHERE article_id = $1 ORDER BY version DESC LIMIT 1';
const GET = 'SELECT * FROM publications WHERE article_id = $1 AND version = $2';
const LIST = `SELECT ${SUMMARY_COLUMNS} FROM publications WHERE article_id = $1 ORDER BY version DESC`;
const SITE_STATE = 'SELECT * FROM site_state WHERE article_id = $1';
const SET_SITE_STATE = `
  INSERT INTO site_state (article_id, state, changed_at, changed_by) VALUES ($1, $2, $3, $4)
  ON CONFLICT (article_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at, changed_by = excluded.changed_by`;
const VISIBLE = `
  SELECT p.* FROM publications p
  JOIN site_state s ON s.article_id = p.article_id AND s.state = 'live'
  WHERE p.version = (SELECT max(version) FROM publications WHERE article_id = p.article_id)
    AND (p.embargo_until IS NULL OR p.embargo_until <= $1)
  ORDER BY p.published_at DESC, p.id DESC LIMIT $2`;

function toSummary(row: PublicationRow): PublicationSummary {
  return {
    id: Number(row.id),
    articleId: row.article_id,
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
    section: row.section,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    byline: row.byline,
    tags: row.tags,
    firstPublishedAt: row.first_published_at.toISOString(),
    embargoUntil: row.embargo_until?.toISOString() ?? null,
    correction: row.correction,
  };
}

function toPublication(row: PublicationRow): Publication {
  return { ...toSummary(row), html: row.html!, ninjs: row.ninjs! };
}

function isDuplicateVersion(error: unknown): boolean {
  const { code, constraint } = error as Partial<pg.DatabaseError>;
  return code === '23505' && constraint === 'publications_one_per_version';
}

/** PublicationStore on PostgreSQL. There is no UPDATE of a publication here, and triggers refuse one. */
export class PostgresPublicationStore implements PublicationStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  /**
   * In a savepoint of its own (a transaction when the caller has none): a refused duplicate would
   * otherwise abort the caller's whole transaction, where SQLite fails only the statement.
   */
  async insert(publication: NewPublication): Promise<Publication> {
    const p = publication;
    try {
      const { rows } = await this.#unit.transact(() =>
        this.#unit.query<PublicationRow>(INSERT, [
          p.articleId,
          p.version,
          p.publishedAt,
          p.publishedBy,
          p.section,
          p.slug,
          p.headline,
          p.standfirst,
          p.byline,
          p.tags,
          p.firstPublishedAt,
          p.embargoUntil,
          p.correction,
          p.html,
          JSON.stringify(p.ninjs),
        ]),
      );
      return toPublication(rows[0]!);
    } catch (error) {
      if (isDuplicateVersion(error)) throw new PublicationExistsError(p.articleId, p.version, { cause: error });
      throw error;
    }
  }

  async latest(articleId: string): Promise<Publication | null> {
    const { rows } = await this.#unit.query<PublicationRow>(LATEST, [articleId]);
    return rows[0] ? toPublication(rows[0]) : null;
  }

  async get(articleId: string, version: number): Promise<Publication | null> {
    const { rows } = await this.#unit.query<PublicationRow>(GET, [articleId, version]);
    return rows[0] ? toPublication(rows[0]) : null;
  }

  async list(articleId: string): Promise<PublicationSummary[]> {
    const { rows } = await this.#unit.query<PublicationRow>(LIST, [articleId]);
    return rows.map(toSummary);
  }

  async siteState(articleId: string): Promise<SiteState | null> {
    const { rows } = await this.#unit.query<SiteRow>(SITE_STATE, [articleId]);
    const row = rows[0];
    return row ? { articleId: row.article_id, state: row.state, changedAt: row.changed_at.toISOString(), changedBy: row.changed_by } : null;
  }

  async setSiteState(state: SiteState): Promise<void> {
    await this.#unit.query(SET_SITE_STATE, [state.articleId, state.state, state.changedAt, state.changedBy]);
  }

  async visible(now: string, limit: number): Promise<Publication[]> {
    const { rows } = await this.#unit.query<PublicationRow>(VISIBLE, [now, limit]);
    return rows.map(toPublication);
  }
}
