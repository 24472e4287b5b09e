import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { openSqliteStorage } from './sqlite/openSqliteStorage.ts';
import type { Storage } from './Storage.ts';

/**
 * The server's storage: PostgreSQL when `databaseUrl` is set (migrated at start), otherwise the
 * SQLite file in `dataDir`.
 */
export async function openStorage(config: Pick<Config, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'redisUrl'>, log: Logger): Promise<Storage> {
  if (config.databaseUrl === null) return openSqliteStorage(config);
  const { openPostgresStorage } = await import('./postgres/openPostgresStorage.ts');
  return openPostgresStorage(config.databaseUrl, log);
}
