import type { Config } from './config.ts';

type Level = Exclude<Config['logLevel'], 'silent'>;

const RANK: Record<Config['logLevel'], number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A leveled logger writing one line per event to stderr (stdout stays free for the listening line). */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function format(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([key, value]) => {
    if (value instanceof Error) return `${key}=${JSON.stringify(value.stack ?? value.message)}`;
    return `${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  });
  return parts.length ? ' ' + parts.join(' ') : '';
}

let guarded = false;

/**
 * A log line that cannot be written (a full disk behind stderr, a closed pipe) is dropped: the
 * stream's error would otherwise be thrown as an uncaught exception and end the server.
 */
function guardStderr(): void {
  if (guarded) return;
  guarded = true;
  process.stderr.on('error', () => {});
}

/** Creates a logger that drops events below `level`. Writing a line never throws. */
export function createLogger(level: Config['logLevel']): Logger {
  const threshold = RANK[level];
  guardStderr();
  const write = (at: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (RANK[at] < threshold) return;
    try {
      process.stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} ${message}${format(fields)}\n`);
    } catch {
      // Nowhere left to report it.
    }
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
