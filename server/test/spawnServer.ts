import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The password of the `admin` account a spawned server creates on its first start, unless the
 * caller's `env` sets COPYDESK_ADMIN_PASSWORD. Sign in with it to create test accounts.
 */
export const TEST_ADMIN_PASSWORD = 'night desk copy chief 1984';

const LISTENING = /Copydesk listening on (http:\/\/127\.0\.0\.1:(\d+))/;

/** A Copydesk server running as a child process. */
export interface SpawnedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  /** Sends `signal` (SIGTERM by default) and resolves once the process has exited, with its exit code. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  stopped: Promise<number | null>;
  /** Everything the server printed on stdout so far. */
  stdout(): string;
}

/** Where and how to run the server. */
export interface SpawnServerOptions {
  dataDir: string;
  /** Default 0: the server picks a free port and reports it. */
  port?: number;
  /** Extra environment, e.g. `{ LOG_LEVEL: 'debug', COMPACT_AFTER_UPDATES: '50' }`. */
  env?: Record<string, string>;
  /** Give up waiting for the listening line after this long. Default 20 s. */
  startTimeoutMs?: number;
}

/**
 * Starts `node --import tsx server/index.ts` as a child process (by default with the admin
 * password TEST_ADMIN_PASSWORD and cheap password hashes) and resolves once it prints
 * its listening line. Rejects, with the process's stderr, when it exits or stays silent first.
 */
export function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      COPYDESK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      // Cheap password hashes: the server accepts this only with NODE_ENV=test.
      NODE_ENV: 'test',
      PASSWORD_HASH_COST: 'fast',
      ...options.env,
      PORT: String(options.port ?? 0),
      DATA_DIR: options.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Keep the tail only: a long-running server may log a lot.
    stderr = (stderr + chunk).slice(-20_000);
    if (options.env?.LOG_LEVEL === 'debug') process.stderr.write(chunk);
  });

  return new Promise<SpawnedServer>((resolve, reject) => {
    let stdout = '';
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${options.startTimeoutMs ?? 20_000} ms.\n${stderr}`));
    }, options.startTimeoutMs ?? 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-20_000);
      if (listening) return;
      const match = LISTENING.exec(stdout);
      if (!match) return;
      listening = true;
      clearTimeout(timer);
      child.removeListener('exit', onEarlyExit);
      const port = Number(match[2]);
      resolve({
        url: match[1]!,
        port,
        pid: child.pid!,
        stopped,
        stdout: () => stdout,
        kill: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return stopped;
        },
      });
    });
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`The server exited before listening (code ${code}, signal ${signal}).\n${stderr}`));
    };
    child.once('exit', onEarlyExit);
  });
}
