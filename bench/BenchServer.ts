import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from '../server/test/spawnServer.ts';
import { signIn, type SessionCookie } from './api.ts';
import { processCpuSeconds, processPeakRss } from './procStats.ts';

/** The `admin` account's password on bench servers (the server creates `admin` on its first start). */
const BENCH_ADMIN_PASSWORD = 'copydesk bench admin password';

/** A fresh Copydesk server process on a free port with its own temporary data directory. */
export class BenchServer {
  private constructor(
    readonly server: SpawnedServer,
    readonly dataDir: string,
    /** The session every bench client uses: `admin`, signed in once. */
    readonly cookie: SessionCookie,
  ) {}

  /** Starts a server with its default configuration, plus `env` (e.g. `{ UNLOAD_DELAY_MS: '0' }`). */
  static async start(env: Record<string, string> = {}): Promise<BenchServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
    const server = await spawnServer({
      dataDir,
      env: { LOG_LEVEL: 'warn', COPYDESK_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, ...env },
    }).catch((err: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    });
    try {
      return new BenchServer(server, dataDir, await signIn(server.url, 'admin', BENCH_ADMIN_PASSWORD));
    } catch (err) {
      await server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): number {
    return processCpuSeconds(this.server.pid);
  }

  /** Peak resident memory of the server process so far, in bytes. */
  peakRss(): number {
    return processPeakRss(this.server.pid);
  }

  /** Stops the server gracefully (it stores what it holds) and removes its data. */
  async stop(): Promise<void> {
    const stopped = await Promise.race([this.server.kill('SIGTERM').then(() => true), delay(10_000).then(() => false)]);
    if (!stopped) await this.server.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
