import type { ArticleJson } from '../../../../shared/article/ArticleJson.ts';
import type { NewVersion, Version, VersionKind, VersionStore, VersionSummary } from '../../VersionStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

/**
 * First key of the per-story advisory lock `insert` takes (`pg_advisory_xact_lock(key, hashtext(id))`),
 * so two servers capturing one story at once take turns for its next number.
 */
export const VERSION_NUMBER_LOCK_CLASS = 0x76657273; // "vers"

interface VersionRow {
  /** bigint, as text. */
  id: string;
  article_id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  created_at: Date;
  created_by: string | null;
  editors: string[];
  word_count: number;
  state?: Buffer;
  doc?: ArticleJson;
}

const SUMMARY_COLUMNS = 'id, article_id, number, kind, name, created_at, created_by, editors, word_count';
const FULL_COLUMNS = `${SUMMARY_COLUMNS}, state, doc`;

const LOCK = 'SELECT pg_advisory_xact_lock($1, hashtext($2))';
const INSERT = `
  INSERT INTO article_versions (article_id, number, kind, name, created_at, created_by, editors, word_count, state, doc)
  SELECT $1::text, COALESCE(MAX(number), 0) + 1, $2::text, $3::text, $4::timestamptz, $5::text, $6::text[],
    $7::integer, $8::bytea, $9::json
  FROM article_versions WHERE article_id = $1::text
  RETURNING id, number, created_at`;
const SELECT_LIST = `SELECT ${SUMMARY_COLUMNS} FROM article_versions WHERE article_id = $1 ORDER BY number DESC`;
const SELECT_ONE = `SELECT ${FULL_COLUMNS} FROM article_versions WHERE article_id = $1 AND number = $2`;
const SELECT_LATEST = `SELECT ${FULL_COLUMNS} FROM article_versions WHERE article_id = $1 ORDER BY number DESC LIMIT 1`;

function toSummary(row: VersionRow): VersionSummary {
  return {
    id: Number(row.id),
    articleId: row.article_id,
    number: row.number,
    kind: row.kind,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    editors: row.editors,
    wordCount: row.word_count,
  };
}

function toVersion(row: VersionRow): Version {
  const state = row.state!;
  return {
    ...toSummary(row),
    state: new Uint8Array(state.buffer, state.byteOffset, state.byteLength),
    doc: row.doc!,
  };
}

/** VersionStore on PostgreSQL (`article_versions`, ARTICLES_MIGRATION). There is no UPDATE here. */
export class PostgresVersionStore implements VersionStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  /**
   * Under the story's advisory lock, numbers and inserts in one statement: READ COMMITTED gives that
   * statement a snapshot taken after the lock, so it sees the number the previous holder committed.
   */
  async insert(version: NewVersion): Promise<Version> {
    const doc = JSON.stringify(version.doc);
    const inserted = await this.#unit.transact(async () => {
      await this.#unit.query(LOCK, [VERSION_NUMBER_LOCK_CLASS, version.articleId]);
      const result = await this.#unit.query<{ id: string; number: number; created_at: Date }>(INSERT, [
        version.articleId,
        version.kind,
        version.name,
        version.createdAt,
        version.createdBy,
        version.editors,
        version.wordCount,
        version.state,
        doc,
      ]);
      return result.rows[0]!;
    });
    return {
      ...version,
      id: Number(inserted.id),
      number: inserted.number,
      createdAt: inserted.created_at.toISOString(),
      editors: [...version.editors],
    };
  }

  async list(articleId: string): Promise<VersionSummary[]> {
    const result = await this.#unit.query<VersionRow>(SELECT_LIST, [articleId]);
    return result.rows.map(toSummary);
  }

  async get(articleId: string, number: number): Promise<Version | null> {
    const result = await this.#unit.query<VersionRow>(SELECT_ONE, [articleId, number]);
    const row = result.rows[0];
    return row ? toVersion(row) : null;
  }

  async latestFor(articleId: string): Promise<Version | null> {
    const result = await this.#unit.query<VersionRow>(SELECT_LATEST, [articleId]);
    const row = result.rows[0];
    return row ? toVersion(row) : null;
  }
}
