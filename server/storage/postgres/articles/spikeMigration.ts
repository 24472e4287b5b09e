import type { PostgresMigration } from '../migrations.ts';

/**
 * PostgreSQL migration 9: spiked stories (`spiked_at`/`spiked_by`: off the list and read-only
 * until restored). Stories unpublished before the status followed the site say `approved` again,
 * as an unpublish now does.
 */
export const SPIKE_MIGRATION: PostgresMigration = {
  version: 9,
  name: 'spiked stories',
  sql: `
    ALTER TABLE articles ADD COLUMN spiked_at timestamptz;
    ALTER TABLE articles ADD COLUMN spiked_by text;
    UPDATE articles SET status = 'approved'
      WHERE status = 'published' AND id IN (SELECT article_id FROM site_state WHERE state = 'unpublished');
  `,
};
