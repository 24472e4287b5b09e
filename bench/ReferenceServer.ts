import { fileURLToPath } from 'node:url';
import { BOOTSTRAP_DISPLAY_NAME } from '../server/auth/bootstrapAdmin.ts';
import { colorForUsername } from '../server/auth/userColor.ts';
import type { Presence } from './api.ts';
import type { BenchTarget } from './BenchTarget.ts';
import type { MeasuredService } from './SharedServices.ts';
import { ServerProcess } from './ServerProcess.ts';

const SCRIPT = fileURLToPath(new URL('./referenceServer.mjs', import.meta.url));
const LISTENING = /Reference listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** What Copydesk's writers send (its `admin`'s name and colour), so both servers relay the same bytes. */
export const BENCH_ACCOUNT_PRESENCE: Readonly<Presence> = Object.freeze({ name: BOOTSTRAP_DISPLAY_NAME, color: colorForUsername('admin') });

/**
 * The y-websocket reference server (`@y/websocket-server`, bench/referenceServer.mjs) as a
 * bench target: rooms instead of stories, no sign-in, nothing stored, documents kept forever.
 */
export class ReferenceServer implements BenchTarget {
  readonly kind = 'reference';
  readonly presence: Presence = BENCH_ACCOUNT_PRESENCE;
  readonly cookie = null;
  /** The reference never unloads a document. */
  readonly unloadDelayMs = Number.POSITIVE_INFINITY;

  private constructor(readonly process: ServerProcess) {}

  /** `cpuProfDir`: profile its CPU there (`--cpu-prof`), to set beside Copydesk's profile. */
  static async start(options: { cpuProfDir?: string } = {}): Promise<ReferenceServer> {
    const env: Record<string, string> = { PORT: '0' };
    return new ReferenceServer(
      await ServerProcess.start({ nodeArgs: [SCRIPT], env, listening: LISTENING, ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}) }),
    );
  }

  get url(): string {
    return this.process.url;
  }

  get collabUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  get processes(): readonly ServerProcess[] {
    return [this.process];
  }

  get collabUrls(): readonly string[] {
    return [this.collabUrl];
  }

  /** It stores nothing: nothing to measure apart. */
  get services(): readonly MeasuredService[] {
    return [];
  }

  /** Rooms exist as soon as a client names them: just the names. */
  createStories(count: number, prefix = 'Bench story'): Promise<string[]> {
    const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return Promise.resolve(Array.from({ length: count }, (_, s) => `${slug}-${s + 1}`));
  }

  async stop(): Promise<void> {
    await this.process.stop('SIGTERM', 10_000);
  }
}
