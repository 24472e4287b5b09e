import { searchTerms } from '../../../../shared/search/foldText.ts';
import { foldedDocument, parseSearchDocument } from '../../../search/foldedDocument.ts';
import type { SearchDocument } from '../../../search/SearchDocument.ts';
import type { SearchIndex } from '../../SearchIndex.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

// Weights: A headline, B standfirst, C byline, section, tags and slug, D body and captions.
const UPSERT = `
  INSERT INTO search_documents (article_id, document, headline_vector, vector)
  VALUES ($1, $2, to_tsvector('simple', $3),
    setweight(to_tsvector('simple', $3), 'A') || setweight(to_tsvector('simple', $4), 'B')
      || setweight(to_tsvector('simple', $5), 'C') || setweight(to_tsvector('simple', $6), 'D'))
  ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document,
    headline_vector = EXCLUDED.headline_vector, vector = EXCLUDED.vector`;
const SEARCH = `
  SELECT article_id FROM search_documents, to_tsquery('simple', $1) AS query
  WHERE vector @@ query
  ORDER BY headline_vector @@ query DESC, ts_rank(vector, query) DESC, article_id
  LIMIT $2`;

/** A tsquery asking for every term as a word prefix; terms hold letters and digits only. */
const tsQuery = (terms: string[]) => terms.map((term) => `'${term}':*`).join(' & ');

/** SearchIndex on PostgreSQL text search (migration 8). */
export class PostgresSearchIndex implements SearchIndex {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async put(articleId: string, document: SearchDocument): Promise<void> {
    const folded = foldedDocument(document);
    const meta = [folded.byline, folded.section, folded.slug, ...folded.tags].join(' ');
    await this.#unit.query(UPSERT, [articleId, JSON.stringify(document), folded.headline, folded.standfirst, meta, `${folded.body} ${folded.captions}`]);
  }

  async remove(articleId: string): Promise<void> {
    await this.#unit.query('DELETE FROM search_documents WHERE article_id = $1', [articleId]);
  }

  async search(query: string, limit: number): Promise<string[]> {
    const terms = searchTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const result = await this.#unit.query<{ article_id: string }>(SEARCH, [tsQuery(terms), limit]);
    return result.rows.map((row) => row.article_id);
  }

  async documents(articleIds: readonly string[]): Promise<Map<string, SearchDocument>> {
    const found = new Map<string, SearchDocument>();
    if (articleIds.length === 0) return found;
    const result = await this.#unit.query<{ article_id: string; document: string }>(
      'SELECT article_id, document FROM search_documents WHERE article_id = ANY($1::text[])',
      [[...articleIds]],
    );
    for (const row of result.rows) found.set(row.article_id, parseSearchDocument(row.document));
    return found;
  }

  async indexedIds(): Promise<string[]> {
    const result = await this.#unit.query<{ article_id: string }>('SELECT article_id FROM search_documents ORDER BY article_id');
    return result.rows.map((row) => row.article_id);
  }
}
