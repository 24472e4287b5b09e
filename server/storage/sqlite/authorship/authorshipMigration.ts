/**
 * SQLite migration 12: who wrote for each Yjs client id of a story (`authorship_writers`, recorded
 * the first time a socket brings that id), and what made ranges of a client's changes that no
 * socket typed (`authorship_changes`: an import, a restore, the server undoing a refused change, an
 * accepted suggestion, with the account that asked). Clocks are Yjs item clocks, `clock_to` exclusive.
 */
export const AUTHORSHIP_MIGRATION_SQL = `
  CREATE TABLE authorship_writers (
    article_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    username TEXT NOT NULL,
    PRIMARY KEY (article_id, client_id)
  ) WITHOUT ROWID;

  CREATE TABLE authorship_changes (
    article_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    clock_from INTEGER NOT NULL,
    clock_to INTEGER NOT NULL,
    kind TEXT NOT NULL,
    by_username TEXT,
    detail TEXT,
    PRIMARY KEY (article_id, client_id, clock_from, kind)
  ) WITHOUT ROWID;
`;
