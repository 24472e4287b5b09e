import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collabUrl, createStory, presenceOf, signIn, type Presence, type SessionCookie } from './api.ts';
import type { BenchTarget } from './BenchTarget.ts';
import type { MeasuredService } from './SharedServices.ts';
import { serverNodeArgs } from './serverCommand.ts';
import { ServerProcess } from './ServerProcess.ts';

/** The `admin` account's password on bench servers (the server creates `admin` on its first start). */
const BENCH_ADMIN_PASSWORD = 'bench night desk chief 2031';
/** The server's UNLOAD_DELAY_MS default (server/config.ts). */
const DEFAULT_UNLOAD_DELAY_MS = 2_000;
const LISTENING = /Copydesk listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** How to run the Copydesk server under the bench. */
export interface BenchServerOptions {
  /** Extra environment, e.g. `{ UNLOAD_DELAY_MS: '0' }`. */
  env?: Record<string, string>;
  /** The server command (default `node --import tsx server/index.ts`; `node build/server/index.js` once built). */
  command?: string;
  /** Write CPU profiles of the server (one per thread) into this folder when it exits. */
  cpuProfDir?: string;
}

/** A fresh Copydesk server process on a free port with its own temporary data directory. */
export class BenchServer implements BenchTarget {
  readonly kind = 'copydesk';

  private constructor(
    readonly process: ServerProcess,
    readonly dataDir: string,
    /** The session every bench client uses: `admin`, signed in once. */
    readonly cookie: SessionCookie,
    readonly presence: Presence,
    readonly unloadDelayMs: number,
  ) {}

  /** Starts a server with its default configuration plus `options.env`. */
  static async start(options: BenchServerOptions = {}): Promise<BenchServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
    let server: ServerProcess;
    try {
      server = await ServerProcess.start({
        nodeArgs: serverNodeArgs(options.command),
        env: {
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: dataDir,
          COPYDESK_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
          // Cheap password hashes (accepted only with NODE_ENV=test): the bench signs in once, not per client.
          NODE_ENV: 'test',
          PASSWORD_HASH_COST: 'fast',
          // Every simulated writer signs in as the one bench account: a real newsroom's 200 writers
          // are 200 accounts, each with its own request budget.
          REQUEST_BUDGET_POINTS: '0',
          ...options.env,
        },
        listening: LISTENING,
        ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
      });
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
    try {
      const cookie = await signIn(server.url, 'admin', BENCH_ADMIN_PASSWORD);
      const presence = await presenceOf(server.url, cookie);
      return new BenchServer(server, dataDir, cookie, presence, Number(options.env?.UNLOAD_DELAY_MS ?? DEFAULT_UNLOAD_DELAY_MS));
    } catch (err) {
      // What the server logged says why (LOG_LEVEL=warn: its request errors are there).
      const logged = server.stderr().trim().slice(-4_000);
      await server.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw logged ? new Error(`${err instanceof Error ? err.message : String(err)}\nThe server logged:\n${logged}`, { cause: err }) : err;
    }
  }

  get url(): string {
    return this.process.url;
  }

  get collabUrl(): string {
    return collabUrl(this.url);
  }

  get processes(): readonly ServerProcess[] {
    return [this.process];
  }

  get collabUrls(): readonly string[] {
    return [this.collabUrl];
  }

  /** SQLite runs inside the server process: nothing to measure apart. */
  get services(): readonly MeasuredService[] {
    return [];
  }

  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): number {
    return this.process.cpuSeconds();
  }

  /** Peak resident memory of the server process so far, in bytes. */
  peakRss(): number {
    return this.process.peakRss();
  }

  /** Creates `count` stories through the REST API, as the "New story" button does. */
  async createStories(count: number, prefix = 'Bench story'): Promise<string[]> {
    const ids: string[] = [];
    for (let s = 0; s < count; s++) ids.push(await createStory(this.url, `${prefix} ${s + 1}`, this.cookie));
    return ids;
  }

  /** Stops the server gracefully (it stores what it holds) and removes its data. */
  async stop(): Promise<void> {
    await this.process.stop('SIGTERM', 10_000);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
