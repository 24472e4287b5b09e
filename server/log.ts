import fs from 'node:fs';
import { createRequire } from 'node:module';
import tty from 'node:tty';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Config } from './config.ts';

type Level = Exclude<Config['logLevel'], 'silent'>;

/** A leveled logger writing one JSON object per line to stderr (stdout stays free for the listening line). */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** How createLogger writes, besides its level. */
export interface LoggerOptions {
  /** Human-readable coloured lines instead of JSON (`npm run dev`; needs the dev dependency pino-pretty). */
  pretty?: boolean;
  /** Where lines go instead of stderr (tests). */
  destination?: DestinationStream;
}

/**
 * Request and response headers that carry credentials: never written to the log, whoever logs them
 * (pino-http logs `req` and `res`).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers["x-csrf-token"]',
  'req.headers["x-xsrf-token"]',
  'req.headers["csrf-token"]',
  'res.headers["set-cookie"]',
];

const underlying = new WeakMap<Logger, PinoLogger>();

/** The pino logger behind `log` (for pino-http), or null for a logger createLogger did not make. */
export function pinoOf(log: Logger): PinoLogger | null {
  return underlying.get(log) ?? null;
}

/**
 * Creates a logger that drops events below `level` and writes each other one as a JSON line:
 * `level` (its name), `time` (ISO), `pid`, `hostname`, `msg` and the fields; an Error field
 * becomes `{ type, message, stack, ... }`. Writing a line never throws.
 */
export function createLogger(level: Config['logLevel'], options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? stderrLines();
  const pinoLogger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    options.pretty ? prettyLines(destination) : destination,
  );
  const at = (name: Level) => {
    // Fixed at creation: a disabled level costs a call to an empty function.
    if (!pinoLogger.isLevelEnabled(name)) return () => {};
    return (message: string, fields?: Record<string, unknown>) => {
      try {
        if (fields) pinoLogger[name](withErrors(fields), message);
        else pinoLogger[name](message);
      } catch {
        // Nowhere left to report it.
      }
    };
  };
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  underlying.set(log, pinoLogger);
  return log;
}

/** Every Error among the fields serialised with its stack, whatever its key. */
function withErrors(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const key in fields) {
    const value = fields[key];
    if (value instanceof Error) {
      copy ??= { ...fields };
      copy[key] = pino.stdSerializers.err(value);
    }
  }
  return copy ?? fields;
}

/** How long one line may wait for a stderr pipe nobody reads (EAGAIN) before it is dropped. */
const STALLED_WRITE_MS = 1_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
let stderrGuarded = false;

/**
 * Synchronous lines on stderr, written whole or not at all as far as the server can tell. A line
 * that cannot be written (a full disk behind stderr, a closed pipe, a reader stalled for a second)
 * is dropped and nothing is kept for later: the stream's error would otherwise end the server, and
 * a backlog would grow its memory for as long as the disk stays full.
 */
function stderrLines(): DestinationStream {
  // The lines the server prints itself (start-up failures, "stopping") go through process.stderr:
  // its error events are dropped too, rather than thrown as uncaught exceptions.
  if (!stderrGuarded) process.stderr.on('error', () => {});
  stderrGuarded = true;
  return {
    write(line: string) {
      let bytes = Buffer.from(line);
      const deadline = Date.now() + STALLED_WRITE_MS;
      while (bytes.length > 0) {
        try {
          bytes = bytes.subarray(fs.writeSync(2, bytes));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > deadline) return;
          Atomics.wait(pause, 0, 0, 5);
        }
      }
    },
  };
}

/** Each JSON line turned into a coloured one by pino-pretty, loaded only when asked for. */
function prettyLines(destination: DestinationStream): DestinationStream {
  const require = createRequire(import.meta.url);
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  const prettify = prettyFactory({ colorize: tty.isatty(2), translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return {
    write(line: string) {
      destination.write(prettify(line));
    },
  };
}
