import type { ArticleStatus } from '../../../../shared/api.ts';
import type { ArticleRecord, ArticleStore, ArticleSummaryUpdate, ReviewSettingsUpdate, Spike } from '../../ArticleStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface ArticleRow {
  id: string;
  headline: string;
  status: ArticleStatus;
  byline: string;
  slug: string;
  section: string;
  tags: (string | null)[];
  word_count: number;
  created_at: Date;
  updated_at: Date;
  require_suggestions: boolean;
  assigned_words: number | null;
  spiked_at: Date | null;
  spiked_by: string | null;
}

const COLUMNS = `id, headline, status, byline, slug, section, tags, word_count, created_at, updated_at,
  require_suggestions, assigned_words, spiked_at, spiked_by`;

const INSERT = `
  INSERT INTO articles (id, headline, status, byline, slug, section, tags, word_count, created_at, updated_at,
    require_suggestions, assigned_words)
  VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12)`;
const INSERT_SNAPSHOT = 'INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES ($1, $2, $3)';
const SELECT_ONE = `SELECT ${COLUMNS} FROM articles WHERE id = $1`;
const SELECT_ALL = `SELECT ${COLUMNS} FROM articles ORDER BY updated_at DESC, created_at DESC, ordinal DESC`;
const UPDATE_SUMMARY = `
  UPDATE articles SET headline = $2, word_count = $3, byline = $4, slug = $5, section = $6, tags = $7::text[],
    updated_at = $8
  WHERE id = $1`;
const UPDATE_STATUS = 'UPDATE articles SET status = $2, updated_at = $3 WHERE id = $1';
const UPDATE_SPIKED = 'UPDATE articles SET spiked_at = $2, spiked_by = $3 WHERE id = $1';
const UPDATE_REVIEW = `
  UPDATE articles SET
    require_suggestions = CASE WHEN $2::boolean THEN $3::boolean ELSE require_suggestions END,
    assigned_words = CASE WHEN $4::boolean THEN $5::integer ELSE assigned_words END,
    updated_at = $6
  WHERE id = $1`;

function toRecord(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    byline: row.byline,
    slug: row.slug,
    section: row.section,
    tags: row.tags.filter((tag): tag is string => typeof tag === 'string'),
    wordCount: row.word_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    requireSuggestions: row.require_suggestions,
    assignedWords: row.assigned_words,
    spikedAt: row.spiked_at?.toISOString() ?? null,
    spikedBy: row.spiked_by,
  };
}

/**
 * ArticleStore on PostgreSQL (`articles`, ARTICLES_MIGRATION). `create` writes the row and the
 * story's first snapshot (`doc_snapshots`) in one transaction, joining the caller's when there is one.
 */
export class PostgresArticleStore implements ArticleStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async create(record: ArticleRecord, initialState: Uint8Array): Promise<void> {
    await this.#unit.transact(async () => {
      await this.#unit.query(INSERT, [
        record.id,
        record.headline,
        record.status,
        record.byline,
        record.slug,
        record.section,
        record.tags,
        record.wordCount,
        record.createdAt,
        record.updatedAt,
        record.requireSuggestions ?? false,
        record.assignedWords ?? null,
      ]);
      await this.#unit.query(INSERT_SNAPSHOT, [record.id, initialState, record.createdAt]);
    });
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const result = await this.#unit.query<ArticleRow>(SELECT_ONE, [id]);
    const row = result.rows[0];
    return row ? toRecord(row) : null;
  }

  async list(): Promise<ArticleRecord[]> {
    const result = await this.#unit.query<ArticleRow>(SELECT_ALL);
    return result.rows.map(toRecord);
  }

  async updateSummary(id: string, summary: ArticleSummaryUpdate): Promise<void> {
    await this.#unit.query(UPDATE_SUMMARY, [
      id,
      summary.headline,
      summary.wordCount,
      summary.byline,
      summary.slug,
      summary.section,
      summary.tags,
      summary.updatedAt,
    ]);
  }

  async setStatus(id: string, status: ArticleStatus, updatedAt: string): Promise<boolean> {
    const result = await this.#unit.query(UPDATE_STATUS, [id, status, updatedAt]);
    return (result.rowCount ?? 0) > 0;
  }

  async setReviewSettings(id: string, settings: ReviewSettingsUpdate, updatedAt: string): Promise<boolean> {
    const result = await this.#unit.query(UPDATE_REVIEW, [
      id,
      settings.requireSuggestions !== undefined,
      settings.requireSuggestions ?? false,
      settings.assignedWords !== undefined,
      settings.assignedWords ?? null,
      updatedAt,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async setSpiked(id: string, spike: Spike | null): Promise<boolean> {
    const result = await this.#unit.query(UPDATE_SPIKED, [id, spike?.at ?? null, spike?.by ?? null]);
    return (result.rowCount ?? 0) > 0;
  }
}
