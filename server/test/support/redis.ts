import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A Redis server for tests: its URL, and how to stop (and, when it is ours, restart) it. */
export interface TestRedis {
  url: string;
  /** Whether this process started it (false for TEST_REDIS_URL): only then can it be killed and restarted. */
  readonly owned: boolean;
  /** Kills the server at once (SIGKILL), as a crash would; the port stays reserved for `start`. */
  kill(): Promise<void>;
  /** Starts it again on the same port, resolving once it answers PING. */
  start(): Promise<void>;
  /** Kills it and removes its folder. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/** Sends one inline PING and resolves true when the answer is +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns redis-server on `port` and resolves once it answers PING; rejects with its output if it cannot. */
async function spawnRedis(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'redis-server is not installed: the relay tests need a real Redis. Install it (Debian: apt-get install redis-server) or set TEST_REDIS_URL=redis://host:port.',
            )
          : error,
      );
    });
    child.once('exit', (code, signal) => reject(new Error(`redis-server on port ${port} exited (${code ?? signal}) before answering PING:\n${output}`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await Promise.race([ping(port), failed]))) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Past start-up an exit is expected (kill, stop): nothing to report.
  child.removeAllListeners('exit');
  return child;
}

/**
 * Starts a throwaway `redis-server` on a free loopback port with persistence off, or uses
 * TEST_REDIS_URL when set (`own: true` insists on starting one, for tests that kill it).
 * Fails with a clear message when redis-server is missing.
 */
export async function startTestRedis(options: { own?: boolean } = {}): Promise<TestRedis> {
  const external = process.env.TEST_REDIS_URL;
  if (external && !options.own) {
    const notOurs = () => Promise.reject(new Error('TEST_REDIS_URL names a server this test did not start: it cannot be killed'));
    return { url: external, owned: false, kill: notOurs, start: notOurs, stop: () => Promise.resolve() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-redis-'));
  let port = 0;
  let child: ChildProcess | null = null;
  // Another process may take the free port between our probe and redis-server's bind: try again.
  for (let attempt = 1; child === null; attempt++) {
    port = await freePort();
    try {
      child = await spawnRedis(port, dir);
    } catch (error) {
      if (attempt >= 3 || (error instanceof Error && error.message.startsWith('redis-server is not installed'))) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const kill = async () => {
    if (!child) return;
    const dying = child;
    child = null;
    dying.kill('SIGKILL');
    await exited(dying);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    owned: true,
    kill,
    start: async () => {
      if (child) throw new Error('redis-server is already running');
      child = await spawnRedis(port, dir);
    },
    stop: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
