/**
 * SQLite migration 11: spiked stories (`spiked_at`/`spiked_by`: off the list and read-only until
 * restored), and the tombstones of stories deleted for good whose publications stay (they still
 * reference the row, so it is kept, emptied, and hidden). Stories unpublished before the status
 * followed the site say `approved` again, as an unpublish now does.
 */
export const SPIKE_MIGRATION_SQL = `
  ALTER TABLE articles ADD COLUMN spiked_at TEXT;
  ALTER TABLE articles ADD COLUMN spiked_by TEXT;
  ALTER TABLE articles ADD COLUMN deleted_at TEXT;
  UPDATE articles SET status = 'approved'
    WHERE status = 'published' AND id IN (SELECT article_id FROM site_state WHERE state = 'unpublished');
`;
