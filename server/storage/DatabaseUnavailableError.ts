/** Thrown at start when the database named by DATABASE_URL cannot be reached or migrated. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly id = 'database_unavailable';
}
