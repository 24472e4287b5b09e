import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 8: the search index of stories. `document` is each story's text as written
 * (snippets are cut from it); the vectors are built from the same text folded into words
 * (shared/search/foldText.ts) with the `simple` configuration, so no dictionary changes a word.
 */
export const SEARCH_MIGRATION: PostgresMigration = {
  version: 8,
  name: 'the search index of stories',
  sql: `
    CREATE TABLE search_documents (
      article_id TEXT PRIMARY KEY,
      document TEXT NOT NULL,
      headline_vector tsvector NOT NULL,
      vector tsvector NOT NULL
    );
    CREATE INDEX search_documents_vector ON search_documents USING gin (vector);
  `,
};
