import { ACCOUNTS_MIGRATION_SQL } from './accounts/accountsMigration.ts';
import { MFA_MIGRATION_SQL } from './accounts/mfaMigration.ts';
import { PUBLISHING_MIGRATION_SQL } from './publishing/publishingMigration.ts';
import { REVIEW_MIGRATION_SQL } from './review/reviewMigration.ts';
import { VERSIONS_MIGRATION_SQL } from './versions/versionsMigration.ts';
import { SEARCH_MIGRATION_SQL } from './search/searchMigration.ts';
import { SPIKE_MIGRATION_SQL } from './articles/spikeMigration.ts';
import { AUTHORSHIP_MIGRATION_SQL } from './authorship/authorshipMigration.ts';
import { BYLINES_MIGRATION_SQL } from './bylines/bylinesMigration.ts';
import { DEFLATED_COLUMNS_MIGRATION_SQL } from './deflatedColumnsMigration.ts';
import { SEARCH_COLUMN_DETAIL_MIGRATION_SQL } from './search/searchColumnDetailMigration.ts';
import { WORDS_BACK_MIGRATION_SQL } from './wordsBack/wordsBackMigration.ts';

/**
 * The database's schema, as an ordered list of migrations. `PRAGMA user_version` records how
 * many have run; openDatabase applies the rest in one transaction each. Append new entries;
 * never edit or reorder a shipped one.
 */
export const migrations: readonly string[] = [
  // 1: stories and their Yjs state
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    headline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    byline TEXT NOT NULL DEFAULT '',
    slug TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    word_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX articles_updated_at ON articles (updated_at DESC);

  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX doc_updates_article_seq ON doc_updates (article_id, seq);

  CREATE TABLE doc_snapshots (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 2: accounts, sessions, the audit log, login throttling, story members
  ACCOUNTS_MIGRATION_SQL,
  // 3: publications, public addresses, schedules and embargoes, webhook deliveries
  PUBLISHING_MIGRATION_SQL,
  // 4: version history of each story
  VERSIONS_MIGRATION_SQL,
  // 5: review settings of each story (required suggesting, assigned length)
  REVIEW_MIGRATION_SQL,
  // 6: the update log in commit order (rowid), without AUTOINCREMENT or a second index: a grouped
  // commit appends its rows to the table's last page whatever stories they belong to. A story's rows
  // are read by a scan when it loads; the log only holds rows of open stories (compacted when a story
  // closes, and every COMPACT_AFTER_UPDATES rows), so the scan stays short.
  `
  CREATE TABLE doc_updates_v6 (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  INSERT INTO doc_updates_v6 (seq, article_id, data) SELECT seq, article_id, data FROM doc_updates ORDER BY seq;
  DROP TABLE doc_updates;
  ALTER TABLE doc_updates_v6 RENAME TO doc_updates;
  `,
  // 7: the installation's id: servers sharing one database share it (it names their Redis channels)
  `
  CREATE TABLE installation (
    id TEXT PRIMARY KEY
  );
  INSERT INTO installation (id) VALUES (lower(hex(randomblob(16))));
  `,
  // 8: where each session was opened from (User-Agent, address), for the user's list of sessions
  `
  ALTER TABLE sessions ADD COLUMN user_agent TEXT;
  ALTER TABLE sessions ADD COLUMN address TEXT;
  `,
  // 9: two-step sign-in (each account's sealed TOTP secret, last used time step and recovery code
  // hashes; the roles that must use it)
  MFA_MIGRATION_SQL,
  // 10: the search index of stories
  SEARCH_MIGRATION_SQL,
  // 11: spiked stories
  SPIKE_MIGRATION_SQL,
  // 12: who wrote for each Yjs client id
  AUTHORSHIP_MIGRATION_SQL,
  // 13: bylines naming accounts; the desk's section list
  BYLINES_MIGRATION_SQL,
  // 14: a snapshot records the last log row it holds; compacted rows are swept out later, in bulk
  // (SqliteDocStore), instead of one page write per row at each compaction
  `
  ALTER TABLE doc_snapshots ADD COLUMN through_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 15: large columns stored deflated (./deflated.ts): snapshots and versions say so per row (older
  // rows stay as written); the search index is rebuilt deflated, its FTS5 table without a second copy
  // of the text (contentless: snippets come from search_documents). The server re-indexes every
  // story at start (indexMissingStories).
  DEFLATED_COLUMNS_MIGRATION_SQL,
  // 16: the search index without word positions (FTS5 detail=column): a third of the size and of
  // the writes; rebuilt at start (indexMissingStories)
  SEARCH_COLUMN_DETAIL_MIGRATION_SQL,
  // 17: the highest log row any snapshot holds, found without reading the snapshots: the log's head
  // is kept at or above it (keepLogHead.ts), whatever the sweep or an erased story deleted
  `
  CREATE INDEX doc_snapshots_through_seq ON doc_snapshots (through_seq);
  `,
  // 18: words a writer's story did not keep, kept for her until one of her browsers has them
  WORDS_BACK_MIGRATION_SQL,
];
