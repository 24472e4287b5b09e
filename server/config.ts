import path from 'node:path';
import { PASSWORD_MIN_LENGTH } from '../shared/accounts.ts';
import { TrustedProxies } from './auth/clientAddress.ts';
import { SESSION_TTL_MS } from './auth/cookies.ts';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleOptions } from './auth/loginThrottle.ts';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './auth/password.ts';
import { AddressList } from './metrics/AddressList.ts';

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
  /**
   * Collaboration sockets open at once from one client address (behind TRUSTED_PROXIES, the
   * forwarded one); the next handshake gets HTTP 429. A whole newsroom may share one NAT address.
   */
  maxSocketsPerAddress: number;
  /**
   * A WebSocket message must arrive whole within this many ms of its first byte; a socket whose
   * frame (or fragmented message) stays incomplete longer is terminated, freeing what it buffered.
   */
  partialFrameTimeoutMs: number;
  /**
   * Bytes the server may hold for one collaboration socket that its browser has not read yet (a
   * stalled or very slow connection); past it the socket is closed (4213) and the browser
   * reconnects and catches up. Keeps one reader from piling up a busy story's traffic in memory.
   */
  maxSocketBufferBytes: number;
  /**
   * Bytes of answers one account's sockets may be sent per second on average (sync step 2 replies
   * to its sync step 1 messages, awareness it queried), with `syncAnswerBurstBytes` at once. Beyond
   * it, its sync replies wait their turn (queried awareness, the browser's heartbeat, is answered and
   * counted): a script asking for a whole story again and again cannot keep the server from relaying
   * everybody's keystrokes. A browser stays far below it. Each server keeps its own budgets.
   */
  syncAnswerBytesPerSecond: number;
  /** What one account may be sent in answers at once (opening many long stories together), in bytes. */
  syncAnswerBurstBytes: number;
  /**
   * Points one account may spend on API requests and collaboration handshakes in each window of
   * `requestBudgetWindowSeconds` (a request costs 1, one that reads or rebuilds a whole story
   * HEAVY_REQUEST_POINTS, a handshake 1); past them it is answered 429 until the window ends.
   * Shared by every server when REDIS_URL is set. 0 turns the budget off. A journalist's open
   * tabs stay far below it.
   */
  requestBudgetPoints: number;
  requestBudgetWindowSeconds: number;
  /** Largest JSON request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Compact a story's update log into a snapshot once it holds this many rows. */
  compactAfterUpdates: number;
  /** Keep a story in memory this long after its last client leaves, in ms. */
  unloadDelayMs: number;
  /** A pause in typing this long brings a story's list row (headline, word count, meta) and search index up to date, in ms. */
  summaryDebounceMs: number;
  /** The longest a story's list row and search index lag it while typing goes on without such a pause, in ms. */
  summaryMaxWaitMs: number;
  /** Length of a period of editing after which an automatic version of the story is kept, in ms. */
  autoVersionMs: number;
  /** Folder of the built client to serve, or null to serve none. */
  clientDir: string | null;
  /** Log level. */
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Human-readable coloured log lines instead of JSON: set by `npm run dev`, never read from the environment. */
  logPretty: boolean;
  /** Addresses (IPs, CIDR ranges) that may read GET /metrics; loopback by default. */
  metricsAllow: AddressList;
  /** A bearer token that also opens GET /metrics, from any address; null: none. */
  metricsToken: string | null;
  /**
   * SQLite `synchronous` pragma. NORMAL (default): in WAL mode a committed write survives
   * `kill -9` of the process; only an OS crash or power loss may lose the last commits.
   * FULL also survives those, at the cost of an fsync per write.
   */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /**
   * How the server holds its SQLite file (SQLITE_LOCKING). `exclusive`, the default for one server:
   * the file is this process's alone while it runs. A second server started on the same data folder
   * without Redis refuses to start (it would miss the first one's edits, and its compactions could
   * sweep rows it never merged); each commit skips the shared-memory locks (bench/README.md); no
   * other program may open the file meanwhile, so copies come from the server (BACKUP_DIR, POST
   * /api/backups). `normal`: other programs may read the file while the server runs (the sqlite3
   * shell, Litestream, `npm run backup`); several servers on one file (REDIS_URL) always use it.
   */
  sqliteLocking: 'exclusive' | 'normal';
  /**
   * Folder for automatic backups of the SQLite database (each a whole, checked copy written while
   * the server runs); null: none. Not with DATABASE_URL (PostgreSQL has its own tools).
   */
  backupDir: string | null;
  /** Minutes between two backups; the first is taken when the server starts. */
  backupEveryMinutes: number;
  /** Backups kept in `backupDir`; older ones are deleted. */
  backupKeep: number;
  /** Password of the `admin` account created on the very first start; a random one is printed when absent. */
  adminPassword: string | undefined;
  /** Proxies whose `X-Forwarded-For` names the client (login throttling); none by default. */
  trustedProxies: TrustedProxies;
  /** Origins besides the server's own allowed to send state-changing requests and open sockets (e.g. the Vite dev server). */
  allowedOrigins: readonly string[];
  /** Mark the session cookie `Secure` (the site is served over HTTPS). */
  secureCookies: boolean;
  /** A session ends after this long without activity, in ms. */
  sessionTtlMs: number;
  /** How often open collaboration sockets are checked for a session that expired on time alone, in ms. */
  sessionCheckMs: number;
  /** Cost of new password hashes. Only tests lower it (PASSWORD_HASH_COST=fast with NODE_ENV=test). */
  scryptParams: Readonly<ScryptParams>;
  /** How failed sign-ins are slowed and refused; tests tighten it by hand. */
  loginThrottle: Readonly<LoginThrottleOptions>;
  /**
   * Absolute http(s) base of the public site (canonical URLs, ninjs uris, feed links), without a
   * trailing slash; null: the server's own address once it listens (`http://127.0.0.1:<port>`).
   */
  publicSiteUrl: string | null;
  /** The public site's name (page titles, the feed, Open Graph). */
  siteName: string;
  /** Where publish, update and unpublish events are POSTed as signed ninjs; null for none. */
  publishWebhookUrl: string | null;
  /** HMAC-SHA256 key of the webhook signature; set whenever the URL is. */
  publishWebhookSecret: string | null;
  /** Redis that connects several servers (each story's updates and cursors); null: one server alone. */
  redisUrl: string | null;
  /** PostgreSQL holding every store (several servers share it); null: the SQLite file in `dataDir`. */
  databaseUrl: string | null;
  /**
   * 32-byte key (MFA_KEY: 64 hex digits or base64) sealing the two-step sign-in secrets in the
   * database, so a dump alone does not give them away; null: they are stored as they are.
   */
  mfaKey: Uint8Array | null;
}

/** Cheap scrypt parameters, accepted only in tests: a hash takes about a millisecond. */
export const FAST_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
/** Settings that changed their name: a server started with the old one refuses to start rather than ignore it. */
const RENAMED: ReadonlyArray<readonly [old: string, now: string]> = [['SEARCH_INDEX_MAX_WAIT_MS', 'SUMMARY_MAX_WAIT_MS']];
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

function list(env: NodeJS.ProcessEnv, key: string): string[] {
  return (env[key] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function bool(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${key} must be true or false, got ${JSON.stringify(env[key])}`);
}

function trustedProxies(env: NodeJS.ProcessEnv): TrustedProxies {
  try {
    return new TrustedProxies(list(env, 'TRUSTED_PROXIES'));
  } catch (error) {
    throw new ConfigError(`TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function metricsAllow(env: NodeJS.ProcessEnv): AddressList {
  const raw = env.METRICS_ALLOW?.trim();
  const entries = !raw ? ['127.0.0.1', '::1'] : raw.toLowerCase() === 'none' ? [] : list(env, 'METRICS_ALLOW');
  try {
    return new AddressList(entries);
  } catch (error) {
    throw new ConfigError(`METRICS_ALLOW: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === '') return null;
  // Never echoed: the message names the rule, not the value.
  if (!/^[\x21-\x7e]{16,}$/.test(token)) throw new ConfigError('METRICS_TOKEN must be at least 16 printable characters without spaces.');
  return token;
}

function allowedOrigins(env: NodeJS.ProcessEnv): string[] {
  return list(env, 'ALLOWED_ORIGINS').map((raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS must list origins such as http://localhost:5173, got ${JSON.stringify(raw)}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== raw.replace(/\/$/, '')) {
      throw new ConfigError(`ALLOWED_ORIGINS must list origins such as http://localhost:5173, got ${JSON.stringify(raw)}`);
    }
    return url.origin;
  });
}

function adminPassword(env: NodeJS.ProcessEnv): string | undefined {
  const password = env.COPYDESK_ADMIN_PASSWORD;
  if (password === undefined || password === '') return undefined;
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new ConfigError(`COPYDESK_ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  return password;
}

function scryptParams(env: NodeJS.ProcessEnv): Readonly<ScryptParams> {
  const cost = env.PASSWORD_HASH_COST ?? 'owasp';
  if (cost === 'owasp') return DEFAULT_SCRYPT_PARAMS;
  // Weak hashes in production would be a silent downgrade: only a test run may ask for them.
  if (cost === 'fast' && env.NODE_ENV === 'test') return FAST_SCRYPT_PARAMS;
  throw new ConfigError(`PASSWORD_HASH_COST must be "owasp" (or "fast" when NODE_ENV=test), got ${JSON.stringify(cost)}`);
}

function httpUrl(raw: string, key: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${key} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${key} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return url.href;
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${JSON.stringify(raw)}`);
  }
  return url.href;
}

function databaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The value may hold a password: it is never repeated.
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL, got something that is not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must be a postgres:// or postgresql:// URL, got a ${url.protocol}// URL`);
  }
  return raw;
}

function mfaKey(env: NodeJS.ProcessEnv): Uint8Array | null {
  const raw = env.MFA_KEY?.trim();
  if (!raw) return null;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : null;
  // Never echoed: the message names the rule, not the value.
  if (key?.length !== 32) throw new ConfigError('MFA_KEY must be 32 bytes: 64 hex digits or 44 characters of base64 (openssl rand -hex 32).');
  return new Uint8Array(key);
}

/** A connection string as it may be shown in a message: its password replaced by ***. */
export function redactPassword(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function publishing(env: NodeJS.ProcessEnv): Pick<Config, 'publicSiteUrl' | 'siteName' | 'publishWebhookUrl' | 'publishWebhookSecret'> {
  const site = env.PUBLIC_SITE_URL?.trim() || null;
  const webhookUrl = env.PUBLISH_WEBHOOK_URL?.trim() ? httpUrl(env.PUBLISH_WEBHOOK_URL.trim(), 'PUBLISH_WEBHOOK_URL') : null;
  const secret = env.PUBLISH_WEBHOOK_SECRET || null;
  if (webhookUrl !== null && secret === null) {
    throw new ConfigError('PUBLISH_WEBHOOK_SECRET is required when PUBLISH_WEBHOOK_URL is set (receivers verify the signature with it).');
  }
  return {
    publicSiteUrl: site === null ? null : httpUrl(site, 'PUBLIC_SITE_URL').replace(/\/+$/, ''),
    siteName: env.SITE_NAME?.trim() || 'Copydesk',
    publishWebhookUrl: webhookUrl,
    publishWebhookSecret: webhookUrl === null ? null : secret,
  };
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
  for (const [old, now] of RENAMED) {
    if (env[old] !== undefined) throw new ConfigError(`${old} was renamed to ${now}: set ${now} instead`);
  }
  const clientDir = env.CLIENT_DIR === '' ? null : path.resolve(env.CLIENT_DIR ?? 'dist');
  return Object.freeze({
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxSocketsPerAddress: int(env, 'MAX_SOCKETS_PER_ADDRESS', 500, 1, 1_000_000),
    partialFrameTimeoutMs: int(env, 'PARTIAL_FRAME_TIMEOUT_MS', 10_000, 100, 600_000),
    maxSocketBufferBytes: int(env, 'MAX_SOCKET_BUFFER_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    syncAnswerBytesPerSecond: int(env, 'SYNC_ANSWER_BYTES_PER_SECOND', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    syncAnswerBurstBytes: int(env, 'SYNC_ANSWER_BURST_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    requestBudgetPoints: int(env, 'REQUEST_BUDGET_POINTS', 300, 0, 1_000_000_000),
    requestBudgetWindowSeconds: int(env, 'REQUEST_BUDGET_WINDOW_SECONDS', 10, 1, 86_400),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
    compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', 500, 2, 1_000_000),
    unloadDelayMs: int(env, 'UNLOAD_DELAY_MS', 2000, 0, 3_600_000),
    summaryDebounceMs: int(env, 'SUMMARY_DEBOUNCE_MS', 5000, 0, 600_000),
    summaryMaxWaitMs: int(env, 'SUMMARY_MAX_WAIT_MS', 30_000, 0, 3_600_000),
    autoVersionMs: int(env, 'AUTO_VERSION_MS', 600_000, 1_000, 86_400_000),
    clientDir,
    logLevel,
    logPretty: false,
    metricsAllow: metricsAllow(env),
    metricsToken: metricsToken(env),
    sqliteSynchronous,
    sqliteLocking: sqliteLocking(env),
    adminPassword: adminPassword(env),
    trustedProxies: trustedProxies(env),
    allowedOrigins: Object.freeze(allowedOrigins(env)),
    secureCookies: bool(env, 'COOKIE_SECURE', false),
    sessionTtlMs: int(env, 'SESSION_TTL_MS', SESSION_TTL_MS, 60_000, 365 * 24 * 3_600_000),
    sessionCheckMs: int(env, 'SESSION_CHECK_MS', 30_000, 100, 3_600_000),
    scryptParams: scryptParams(env),
    loginThrottle: DEFAULT_LOGIN_THROTTLE,
    ...publishing(env),
    redisUrl: redisUrl(env),
    databaseUrl: databaseUrl(env),
    ...backups(env),
    mfaKey: mfaKey(env),
  });
}

function sqliteLocking(env: NodeJS.ProcessEnv): Config['sqliteLocking'] {
  const shared = !!env.REDIS_URL?.trim() && !env.DATABASE_URL?.trim();
  const raw = env.SQLITE_LOCKING?.trim().toLowerCase();
  if (raw === undefined || raw === '') return shared ? 'normal' : 'exclusive';
  if (raw !== 'exclusive' && raw !== 'normal') throw new ConfigError(`SQLITE_LOCKING must be exclusive or normal, got ${JSON.stringify(env.SQLITE_LOCKING)}`);
  if (raw === 'exclusive' && shared) {
    throw new ConfigError('SQLITE_LOCKING=exclusive keeps the SQLite file to one server; with REDIS_URL several servers share it: leave SQLITE_LOCKING unset or set it to normal');
  }
  return raw;
}

function backups(env: NodeJS.ProcessEnv): Pick<Config, 'backupDir' | 'backupEveryMinutes' | 'backupKeep'> {
  const dir = env.BACKUP_DIR?.trim() ? path.resolve(env.BACKUP_DIR.trim()) : null;
  if (dir !== null && env.DATABASE_URL?.trim()) {
    throw new ConfigError('BACKUP_DIR backs up the SQLite file; with DATABASE_URL set, back up PostgreSQL with its own tools (pg_dump, base backups) and leave BACKUP_DIR unset');
  }
  return {
    backupDir: dir,
    backupEveryMinutes: int(env, 'BACKUP_EVERY_MINUTES', 60, 1, 7 * 24 * 60),
    backupKeep: int(env, 'BACKUP_KEEP', 48, 1, 10_000),
  };
}

/** A config for tests: defaults with overrides (cheap password hashes), no environment read. */
export function testConfig(overrides: Partial<Config> & Pick<Config, 'dataDir'>): Readonly<Config> {
  return Object.freeze({
    ...loadConfig({}),
    // Tests read what the server stored through a connection of their own, as an outside program
    // would; the default (exclusive) is tested where asked for, and every spawned server runs it.
    sqliteLocking: 'normal',
    port: 0,
    host: '127.0.0.1',
    clientDir: null,
    logLevel: 'silent',
    scryptParams: FAST_SCRYPT_PARAMS,
    ...overrides,
  });
}
