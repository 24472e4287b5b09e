import type Database from 'better-sqlite3';
import type { Attribution, AuthorshipStore, ChangeKind, ChangeRange, StoryAttribution, Writer } from '../../AuthorshipStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

interface RangeRow {
  client_id: number;
  clock_from: number;
  clock_to: number;
  kind: ChangeKind;
  by_username: string | null;
  detail: string | null;
}

/** AuthorshipStore on SQLite (`authorship_writers`, `authorship_changes`). */
export class SqliteAuthorshipStore implements AuthorshipStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #writers: Database.Statement<[string], { client_id: number; username: string }>;
  readonly #ranges: Database.Statement<[string], RangeRow>;
  readonly #record: (attributions: readonly Attribution[]) => void;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#writers = db.prepare('SELECT client_id, username FROM authorship_writers WHERE article_id = ? ORDER BY client_id');
    this.#ranges = db.prepare(
      'SELECT client_id, clock_from, clock_to, kind, by_username, detail FROM authorship_changes WHERE article_id = ? ORDER BY client_id, clock_from, kind',
    );
    const writer = db.prepare('INSERT INTO authorship_writers (article_id, client_id, username) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const range = db.prepare(
      `INSERT INTO authorship_changes (article_id, client_id, clock_from, clock_to, kind, by_username, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.#record = db.transaction((attributions: readonly Attribution[]) => {
      for (const { articleId, writers, ranges } of attributions) {
        for (const w of writers) writer.run(articleId, w.clientId, w.username);
        for (const r of ranges) range.run(articleId, r.clientId, r.from, r.to, r.kind, r.by, r.detail);
      }
    });
  }

  recordAll(attributions: readonly Attribution[]): Promise<void> {
    return this.#unit.run(() => {
      if (attributions.length > 0) this.#record(attributions);
    });
  }

  load(articleId: string): Promise<StoryAttribution> {
    return this.#unit.run(() => ({
      writers: this.#writers.all(articleId).map((row): Writer => ({ clientId: row.client_id, username: row.username })),
      ranges: this.#ranges.all(articleId).map(
        (row): ChangeRange => ({
          clientId: row.client_id,
          from: row.clock_from,
          to: row.clock_to,
          kind: row.kind,
          by: row.by_username,
          detail: row.detail,
        }),
      ),
    }));
  }
}
