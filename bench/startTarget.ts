import { BenchServer } from './BenchServer.ts';
import { BenchServerPair } from './BenchServerPair.ts';
import type { BenchTarget, TargetKind } from './BenchTarget.ts';
import { ReferenceServer } from './ReferenceServer.ts';

/** How to start a bench target; Copydesk's command is ignored for the reference. */
export interface TargetOptions {
  /** Copydesk's server command (default: from the TypeScript sources). */
  command?: string;
  /**
   * Profile the server's CPU into this folder (`--cpu-prof`): one for this process alone. Two
   * Copydesk servers write into its subfolders `server-1` and `server-2`.
   */
  cpuProfDir?: string;
}

/** Starts a fresh server of `kind` on a free port (two, and PostgreSQL and Redis, for `copydesk-2srv`). */
export function startTarget(kind: TargetKind, options: TargetOptions = {}): Promise<BenchTarget> {
  if (kind === 'reference') return ReferenceServer.start(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {});
  const command = options.command ? { command: options.command } : {};
  if (kind === 'copydesk-2srv') {
    const dir = options.cpuProfDir;
    return BenchServerPair.start({ ...command, ...(dir ? { cpuProfDir: (n: number) => serverProfileDir(dir, n) } : {}) });
  }
  return BenchServer.start({ ...command, ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}) });
}

/** The folder of server `n` (1-based) of several under `dir`. */
export function serverProfileDir(dir: string, n: number): string {
  return `${dir}/server-${n}`;
}
