/** SQLite migration 11: spiked stories. */
export const SPIKE_MIGRATION_SQL = `
  SELECT 1;
`;
