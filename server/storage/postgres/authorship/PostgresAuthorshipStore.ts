import type { Attribution, AuthorshipStore, ChangeKind, ChangeRange, StoryAttribution } from '../../AuthorshipStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

const INSERT_WRITERS = `
  INSERT INTO authorship_writers (article_id, client_id, username)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
  ON CONFLICT DO NOTHING`;
const INSERT_RANGES = `
  INSERT INTO authorship_changes (article_id, client_id, clock_from, clock_to, kind, by_username, detail)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[])
  ON CONFLICT DO NOTHING`;
const WRITERS = 'SELECT client_id, username FROM authorship_writers WHERE article_id = $1 ORDER BY client_id';
const RANGES = `
  SELECT client_id, clock_from, clock_to, kind, by_username, detail FROM authorship_changes
  WHERE article_id = $1 ORDER BY client_id, clock_from, kind`;

/** AuthorshipStore on PostgreSQL: one statement per table per call, in one transaction. */
export class PostgresAuthorshipStore implements AuthorshipStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async recordAll(attributions: readonly Attribution[]): Promise<void> {
    const writers = attributions.flatMap(({ articleId, writers }) => writers.map((w) => [articleId, w.clientId, w.username] as const));
    const ranges = attributions.flatMap(({ articleId, ranges }) => ranges.map((r) => [articleId, r] as const));
    if (writers.length === 0 && ranges.length === 0) return;
    await this.#unit.transact(async () => {
      if (writers.length > 0) {
        await this.#unit.query(INSERT_WRITERS, [writers.map((w) => w[0]), writers.map((w) => w[1]), writers.map((w) => w[2])]);
      }
      if (ranges.length > 0) {
        await this.#unit.query(INSERT_RANGES, [
          ranges.map(([id]) => id),
          ranges.map(([, r]) => r.clientId),
          ranges.map(([, r]) => r.from),
          ranges.map(([, r]) => r.to),
          ranges.map(([, r]) => r.kind),
          ranges.map(([, r]) => r.by),
          ranges.map(([, r]) => r.detail),
        ]);
      }
    });
  }

  async load(articleId: string): Promise<StoryAttribution> {
    const [writers, ranges] = await Promise.all([
      this.#unit.query<{ client_id: string; username: string }>(WRITERS, [articleId]),
      this.#unit.query<{ client_id: string; clock_from: string; clock_to: string; kind: ChangeKind; by_username: string | null; detail: string | null }>(
        RANGES,
        [articleId],
      ),
    ]);
    return {
      writers: writers.rows.map((row) => ({ clientId: Number(row.client_id), username: row.username })),
      ranges: ranges.rows.map(
        (row): ChangeRange => ({
          clientId: Number(row.client_id),
          from: Number(row.clock_from),
          to: Number(row.clock_to),
          kind: row.kind,
          by: row.by_username,
          detail: row.detail,
        }),
      ),
    };
  }
}
