/** Another process holds the SQLite file: a second server on the same data folder, or a program with it open. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  constructor(file: string) {
    super(
      `${file} is in use by another Copydesk server or another program. One server keeps its SQLite file to itself ` +
        '(SQLITE_LOCKING=exclusive, the default): stop the other one, give this one its own DATA_DIR, or run several ' +
        'servers on one file with REDIS_URL set.',
    );
  }
}
