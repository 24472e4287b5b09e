import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from './SqliteUnitOfWork.ts';
import type { ArticleStatus } from '../../../shared/api.ts';
import type { ArticleRecord, ArticleStore, ArticleSummaryUpdate, ReviewSettingsUpdate, Spike } from '../ArticleStore.ts';

interface ArticleRow {
  id: string;
  headline: string;
  status: ArticleStatus;
  byline: string;
  slug: string;
  section: string;
  tags: string;
  word_count: number;
  created_at: string;
  updated_at: string;
  require_suggestions?: number;
  assigned_words?: number | null;
  spiked_at?: string | null;
  spiked_by?: string | null;
}

function toRecord(row: ArticleRow): ArticleRecord {
  let tags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.tags);
    if (Array.isArray(parsed)) tags = parsed.filter((tag): tag is string => typeof tag === 'string');
  } catch {
    // A damaged tags cell must not hide the story from the list.
  }
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    byline: row.byline,
    slug: row.slug,
    section: row.section,
    tags,
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    requireSuggestions: row.require_suggestions === 1,
    assignedWords: row.assigned_words ?? null,
    spikedAt: row.spiked_at ?? null,
    spikedBy: row.spiked_by ?? null,
  };
}

/** ArticleStore on SQLite; `create` writes the row and the first snapshot in one transaction. */
export class SqliteArticleStore implements ArticleStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #get: Database.Statement<[string], ArticleRow>;
  readonly #list: Database.Statement<[], ArticleRow>;
  readonly #update: Database.Statement<Record<string, unknown>>;
  readonly #setStatus: Database.Statement<[ArticleStatus, string, string]>;
  readonly #create: (record: ArticleRecord, initialState: Uint8Array) => void;
  readonly #setReview: Database.Statement<Record<string, unknown>>;
  readonly #setSpiked: Database.Statement<[string | null, string | null, string]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    // A row with deleted_at is the tombstone of a story deleted for good: only its publications still reference it.
    this.#get = db.prepare('SELECT * FROM articles WHERE id = ? AND deleted_at IS NULL');
    this.#list = db.prepare('SELECT * FROM articles WHERE deleted_at IS NULL ORDER BY updated_at DESC, created_at DESC, rowid DESC');
    this.#update = db.prepare(
      `UPDATE articles SET headline = @headline, word_count = @wordCount, byline = @byline, slug = @slug,
       section = @section, tags = @tags, updated_at = @updatedAt WHERE id = @id`,
    );
    this.#setStatus = db.prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ?');
    this.#setSpiked = db.prepare('UPDATE articles SET spiked_at = ?, spiked_by = ? WHERE id = ? AND deleted_at IS NULL');
    this.#setReview = db.prepare(
      `UPDATE articles SET
         require_suggestions = CASE WHEN @setRequire THEN @requireSuggestions ELSE require_suggestions END,
         assigned_words = CASE WHEN @setWords THEN @assignedWords ELSE assigned_words END,
         updated_at = @updatedAt
       WHERE id = @id`,
    );
    const insert = db.prepare(
      `INSERT INTO articles (id, headline, status, byline, slug, section, tags, word_count, created_at, updated_at,
         require_suggestions, assigned_words)
       VALUES (@id, @headline, @status, @byline, @slug, @section, @tags, @wordCount, @createdAt, @updatedAt,
         @requireSuggestions, @assignedWords)`,
    );
    const insertSnapshot = db.prepare('INSERT INTO doc_snapshots (article_id, data, updated_at) VALUES (?, ?, ?)');
    this.#create = db.transaction((record: ArticleRecord, initialState: Uint8Array) => {
      insert.run({
        ...record,
        tags: JSON.stringify(record.tags),
        requireSuggestions: record.requireSuggestions ? 1 : 0,
        assignedWords: record.assignedWords ?? null,
      });
      insertSnapshot.run(record.id, initialState, record.createdAt);
    });
  }

  create(record: ArticleRecord, initialState: Uint8Array): Promise<void> {
    return this.#unit.run(() => {
      this.#create(record, initialState);
    });
  }

  get(id: string): Promise<ArticleRecord | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(id);
      return row ? toRecord(row) : null;
    });
  }

  list(): Promise<ArticleRecord[]> {
    return this.#unit.run(() => this.#list.all().map(toRecord));
  }

  updateSummary(id: string, summary: ArticleSummaryUpdate): Promise<void> {
    return this.#unit.run(() => {
      this.#update.run({ id, ...summary, tags: JSON.stringify(summary.tags) });
    });
  }

  setStatus(id: string, status: ArticleStatus, updatedAt: string): Promise<boolean> {
    return this.#unit.run(() => this.#setStatus.run(status, updatedAt, id).changes > 0);
  }

  setReviewSettings(id: string, settings: ReviewSettingsUpdate, updatedAt: string): Promise<boolean> {
    return this.#unit.run(() => {
      const result = this.#setReview.run({
        id,
        updatedAt,
        setRequire: settings.requireSuggestions === undefined ? 0 : 1,
        requireSuggestions: settings.requireSuggestions ? 1 : 0,
        setWords: settings.assignedWords === undefined ? 0 : 1,
        assignedWords: settings.assignedWords ?? null,
      });
      return result.changes > 0;
    });
  }

  setSpiked(id: string, spike: Spike | null): Promise<boolean> {
    return this.#unit.run(() => this.#setSpiked.run(spike?.at ?? null, spike?.by ?? null, id).changes > 0);
  }
}
