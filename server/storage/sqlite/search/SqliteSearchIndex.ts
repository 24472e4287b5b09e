import type Database from 'better-sqlite3';
import { searchTerms } from '../../../../shared/search/foldText.ts';
import { foldedDocument, parseSearchDocument } from '../../../search/foldedDocument.ts';
import type { SearchDocument } from '../../../search/SearchDocument.ts';
import type { SearchIndex } from '../../SearchIndex.ts';
import { deflated, storedText } from '../deflated.ts';

/** bm25 weights of search_fts's columns: headline, standfirst, body, captions, byline, slug, section, tags. */
const WEIGHTS = '10.0, 5.0, 1.0, 2.0, 3.0, 2.0, 3.0, 3.0';

/** An FTS5 query asking for every term as a word prefix; terms hold letters and digits only. */
const ftsQuery = (terms: string[]) => terms.map((term) => `"${term}"*`).join(' ');

/**
 * SearchIndex on SQLite FTS5 (migrations 10 and 15): `search_documents` holds each story's document
 * (deflated JSON, snippets are cut from it), the contentless `search_fts` only the folded words' index.
 */
export class SqliteSearchIndex implements SearchIndex {
  readonly #db: Database.Database;
  readonly #put: (articleId: string, document: SearchDocument) => void;
  readonly #remove: (articleId: string) => void;
  readonly #search: Database.Statement<{ query: string; headlineQuery: string; limit: number }, { article_id: string }>;
  readonly #ids: Database.Statement<[], { article_id: string }>;

  constructor(db: Database.Database) {
    this.#db = db;
    const rowidOf = db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_documents WHERE article_id = ?');
    const insertDocument = db.prepare<[string, Buffer]>('INSERT INTO search_documents (article_id, document) VALUES (?, ?)');
    const updateDocument = db.prepare<[Buffer, number]>('UPDATE search_documents SET document = ? WHERE rowid = ?');
    const deleteDocument = db.prepare<[number]>('DELETE FROM search_documents WHERE rowid = ?');
    const deleteFts = db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?');
    const insertFts = db.prepare(
      `INSERT INTO search_fts (rowid, headline, standfirst, body, captions, byline, slug, section, tags)
       VALUES (@rowid, @headline, @standfirst, @body, @captions, @byline, @slug, @section, @tags)`,
    );
    this.#put = db.transaction((articleId: string, document: SearchDocument) => {
      const stored = deflated(JSON.stringify(document));
      let rowid = rowidOf.get(articleId)?.rowid;
      if (rowid === undefined) {
        rowid = Number(insertDocument.run(articleId, stored).lastInsertRowid);
      } else {
        updateDocument.run(stored, rowid);
        deleteFts.run(rowid);
      }
      const folded = foldedDocument(document);
      insertFts.run({ rowid, ...folded, tags: folded.tags.join(' ') });
    });
    this.#remove = db.transaction((articleId: string) => {
      const rowid = rowidOf.get(articleId)?.rowid;
      if (rowid === undefined) return;
      deleteFts.run(rowid);
      deleteDocument.run(rowid);
    });
    this.#search = db.prepare(
      `WITH hits AS (
         SELECT rowid, bm25(search_fts, ${WEIGHTS}) AS rank FROM search_fts WHERE search_fts MATCH @query
       ),
       in_headline AS (SELECT rowid FROM search_fts WHERE search_fts MATCH @headlineQuery)
       SELECT d.article_id FROM hits JOIN search_documents d ON d.rowid = hits.rowid
       ORDER BY hits.rowid IN (SELECT rowid FROM in_headline) DESC, hits.rank, d.article_id
       LIMIT @limit`,
    );
    this.#ids = db.prepare('SELECT article_id FROM search_documents ORDER BY article_id');
  }

  async put(articleId: string, document: SearchDocument): Promise<void> {
    this.#put(articleId, document);
  }

  async remove(articleId: string): Promise<void> {
    this.#remove(articleId);
  }

  async search(query: string, limit: number): Promise<string[]> {
    const terms = searchTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const match = ftsQuery(terms);
    return this.#search.all({ query: match, headlineQuery: `headline : (${match})`, limit }).map((row) => row.article_id);
  }

  async documents(articleIds: readonly string[]): Promise<Map<string, SearchDocument>> {
    const found = new Map<string, SearchDocument>();
    if (articleIds.length === 0) return found;
    const rows = this.#db
      .prepare<string[], { article_id: string; document: Buffer }>(
        `SELECT article_id, document FROM search_documents WHERE article_id IN (${articleIds.map(() => '?').join(', ')})`,
      )
      .all(...articleIds);
    for (const row of rows) found.set(row.article_id, parseSearchDocument(storedText(row.document, 1)));
    return found;
  }

  async indexedIds(): Promise<string[]> {
    return this.#ids.all().map((row) => row.article_id);
  }
}
