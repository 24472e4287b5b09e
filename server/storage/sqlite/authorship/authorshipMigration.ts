/** SQLite migration 12: who wrote for each Yjs client id. */
export const AUTHORSHIP_MIGRATION_SQL = `
  SELECT 1;
`;
