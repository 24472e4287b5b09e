/**
 * SQLite migration 16: the search index keeps, for each word, which columns of a story hold it, not
 * where (FTS5 `detail=column`). Searches ask for word prefixes, never phrases, so nothing the search
 * does needs positions; bm25 still weighs columns and word rarity. The index is about a third of
 * the size, and re-indexing a long story when it unloads writes about 20 KiB to the write-ahead log
 * instead of 54 (bench/README.md, sixth run).
 *
 * Its tokenizer is `ascii`: the indexed text is already folded words (`foldedWords`, letters and
 * digits of any script) joined by single spaces, and a query term is one such word, so splitting on
 * the spaces alone is exactly right. unicode61 split some words its older Unicode tables do not
 * know as letters (ᦾ, U+19BE), which made a one-word prefix query a phrase, and phrases have no
 * positions to match against here.
 *
 * The index is rebuilt empty: the server indexes every story the index lacks at start
 * (indexMissingStories), so it refills itself.
 */
export const SEARCH_COLUMN_DETAIL_MIGRATION_SQL = `
  DROP TABLE search_fts;
  DELETE FROM search_documents;
  CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, standfirst, body, captions, byline, slug, section, tags,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'ascii'
  );
`;
