/**
 * Review settings of a story: whether non-editors must suggest while it is in review, and the
 * length it was assigned (words; null when none was set).
 */
export const REVIEW_MIGRATION_SQL = `
  ALTER TABLE articles ADD COLUMN require_suggestions INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE articles ADD COLUMN assigned_words INTEGER;
`;
