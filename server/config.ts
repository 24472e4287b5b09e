import path from 'node:path';

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  /** TCP port to listen on; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Folder holding the SQLite database. */
  dataDir: string;
  /** Largest WebSocket message accepted, in bytes; larger ones close the socket. */
  maxMessageBytes: number;
  /** Largest JSON request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Compact a story's update log into a snapshot once it holds this many rows. */
  compactAfterUpdates: number;
  /** Keep a story in memory this long after its last client leaves, in ms. */
  unloadDelayMs: number;
  /** Debounce for recomputing a story's headline and word count, in ms. */
  summaryDebounceMs: number;
  /** Folder of the built client to serve, or null to serve none. */
  clientDir: string | null;
  /** Log level. */
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * SQLite `synchronous` pragma. NORMAL (default): in WAL mode a committed write survives
   * `kill -9` of the process; only an OS crash or power loss may lose the last commits.
   * FULL also survives those, at the cost of an fsync per write.
   */
  sqliteSynchronous: 'NORMAL' | 'FULL';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
const SQLITE_SYNCHRONOUS = ['NORMAL', 'FULL'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Builds the frozen config from an environment (process.env by default). The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(env.LOG_LEVEL)}`);
  }
  const sqliteSynchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase() as Config['sqliteSynchronous'];
  if (!SQLITE_SYNCHRONOUS.includes(sqliteSynchronous)) {
    throw new ConfigError(
      `SQLITE_SYNCHRONOUS must be one of ${SQLITE_SYNCHRONOUS.join(', ')}, got ${JSON.stringify(env.SQLITE_SYNCHRONOUS)}`,
    );
  }
  const clientDir = env.CLIENT_DIR === '' ? null : path.resolve(env.CLIENT_DIR ?? 'dist');
  return Object.freeze({
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
    compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', 500, 2, 1_000_000),
    unloadDelayMs: int(env, 'UNLOAD_DELAY_MS', 2000, 0, 3_600_000),
    summaryDebounceMs: int(env, 'SUMMARY_DEBOUNCE_MS', 1000, 0, 600_000),
    clientDir,
    logLevel,
    sqliteSynchronous,
  });
}

/** A config for tests: defaults with overrides, no environment read. */
export function testConfig(overrides: Partial<Config> & Pick<Config, 'dataDir'>): Readonly<Config> {
  return Object.freeze({ ...loadConfig({}), port: 0, host: '127.0.0.1', clientDir: null, logLevel: 'silent', ...overrides });
}
