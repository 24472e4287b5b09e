import type { Presence } from './api.ts';
import type { BenchTarget } from './BenchTarget.ts';
import { BenchServer } from './BenchServer.ts';
import { SharedServices, type MeasuredService } from './SharedServices.ts';
import type { ServerProcess } from './ServerProcess.ts';

/** How to run the two servers. */
export interface BenchServerPairOptions {
  /** The server command, as for `BenchServer`. */
  command?: string;
  /** Write each server's CPU profiles into a folder of its own: called with 1, then 2. */
  cpuProfDir?: (server: number) => string;
}

/**
 * Two fresh Copydesk server processes sharing a throwaway PostgreSQL database
 * (`DATABASE_URL`) and a throwaway Redis (`REDIS_URL`), as several servers run behind a load
 * balancer: an update one server commits reaches the other's clients through Redis.
 */
export class BenchServerPair implements BenchTarget {
  readonly kind = 'copydesk-2srv';

  private constructor(
    private readonly shared: SharedServices,
    private readonly servers: readonly BenchServer[],
  ) {}

  /** Starts PostgreSQL and Redis, then the servers one after the other (the first one migrates the database). */
  static async start(options: BenchServerPairOptions = {}): Promise<BenchServerPair> {
    const shared = await SharedServices.start();
    const servers: BenchServer[] = [];
    try {
      for (const n of [1, 2]) {
        const profileDir = options.cpuProfDir?.(n);
        servers.push(
          await BenchServer.start({
            env: { DATABASE_URL: shared.databaseUrl, REDIS_URL: shared.redisUrl },
            ...(options.command ? { command: options.command } : {}),
            ...(profileDir ? { cpuProfDir: profileDir } : {}),
          }),
        );
      }
      return new BenchServerPair(shared, servers);
    } catch (error) {
      await Promise.all(servers.map((s) => s.stop()));
      await shared.stop();
      throw error;
    }
  }

  get processes(): readonly ServerProcess[] {
    return this.servers.map((s) => s.process);
  }

  get url(): string {
    return this.servers[0]!.url;
  }

  get collabUrls(): readonly string[] {
    return this.servers.map((s) => s.collabUrl);
  }

  get services(): readonly MeasuredService[] {
    return this.shared.services;
  }

  /** The first server's session: sessions live in the shared database, so the second accepts it too. */
  get cookie(): string | null {
    return this.servers[0]!.cookie;
  }

  get presence(): Presence {
    return this.servers[0]!.presence;
  }

  get unloadDelayMs(): number {
    return this.servers[0]!.unloadDelayMs;
  }

  /** Creates the stories through the first server's REST API; both servers read them from PostgreSQL. */
  createStories(count: number, prefix?: string): Promise<string[]> {
    return this.servers[0]!.createStories(count, prefix);
  }

  /** Stops both servers gracefully (each stores what it holds), then PostgreSQL and Redis. */
  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    await this.shared.stop();
  }
}
