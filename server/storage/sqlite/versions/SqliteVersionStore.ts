import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { ArticleJson } from '../../../../shared/article/ArticleJson.ts';
import { deflated, storedBytes, storedText } from '../deflated.ts';
import type { NewVersion, Version, VersionKind, VersionStore, VersionSummary } from '../../VersionStore.ts';

interface VersionRow {
  id: number;
  article_id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  created_at: string;
  created_by: string | null;
  editors: string;
  word_count: number;
  state?: Buffer;
  doc?: Buffer | string;
  deflated?: number;
}

const SUMMARY_COLUMNS = 'id, article_id, number, kind, name, created_at, created_by, editors, word_count';

function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    number: row.number,
    kind: row.kind,
    name: row.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    editors: JSON.parse(row.editors) as string[],
    wordCount: row.word_count,
  };
}

function toVersion(row: VersionRow): Version {
  return {
    ...toSummary(row),
    state: storedBytes(row.state!, row.deflated!),
    doc: JSON.parse(storedText(row.doc!, row.deflated!)) as ArticleJson,
  };
}

/** VersionStore on SQLite (`article_versions`, VERSIONS_MIGRATION_SQL). There is no UPDATE here. */
export class SqliteVersionStore implements VersionStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #db: Database.Database;
  readonly #nextNumber: Database.Statement<[string], { next: number }>;
  readonly #insert: Database.Statement<Record<string, unknown>>;
  readonly #list: Database.Statement<[string], VersionRow>;
  readonly #get: Database.Statement<[string, number], VersionRow>;
  readonly #latest: Database.Statement<[string], VersionRow>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#db = db;
    this.#nextNumber = db.prepare(`SELECT COALESCE(MAX(number), 0) + 1 AS next FROM article_versions WHERE article_id = ?`);
    this.#insert = db.prepare(
      `INSERT INTO article_versions (article_id, number, kind, name, created_at, created_by, editors, word_count, state, doc, deflated)
       VALUES (@articleId, @number, @kind, @name, @createdAt, @createdBy, @editors, @wordCount, @state, @doc, 1)`,
    );
    this.#list = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM article_versions WHERE article_id = ? ORDER BY number DESC`);
    this.#get = db.prepare(`SELECT * FROM article_versions WHERE article_id = ? AND number = ?`);
    this.#latest = db.prepare(`SELECT * FROM article_versions WHERE article_id = ? ORDER BY number DESC LIMIT 1`);
  }

  insert(version: NewVersion): Promise<Version> {
    return this.#unit.run(() => {
      // Reading the next number and inserting in one transaction: two captures cannot take the same number.
      return this.#db.transaction((): Version => {
        const number = this.#nextNumber.get(version.articleId)!.next;
        const result = this.#insert.run({
          articleId: version.articleId,
          number,
          kind: version.kind,
          name: version.name,
          createdAt: version.createdAt,
          createdBy: version.createdBy,
          editors: JSON.stringify(version.editors),
          wordCount: version.wordCount,
          state: deflated(version.state),
          doc: deflated(JSON.stringify(version.doc)),
        });
        return { ...version, id: Number(result.lastInsertRowid), number, editors: [...version.editors] };
      })();
    });
  }

  list(articleId: string): Promise<VersionSummary[]> {
    return this.#unit.run(() => this.#list.all(articleId).map(toSummary));
  }

  get(articleId: string, number: number): Promise<Version | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(articleId, number);
      return row ? toVersion(row) : null;
    });
  }

  latestFor(articleId: string): Promise<Version | null> {
    return this.#unit.run(() => {
      const row = this.#latest.get(articleId);
      return row ? toVersion(row) : null;
    });
  }
}
