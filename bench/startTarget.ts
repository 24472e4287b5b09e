import { BenchServer } from './BenchServer.ts';
import type { BenchTarget, ServerKind } from './BenchTarget.ts';
import { ReferenceServer } from './ReferenceServer.ts';

/** How to start a bench target; Copydesk-only settings are ignored for the reference. */
export interface TargetOptions {
  /** Copydesk's server command (default: from the TypeScript sources). */
  command?: string;
  /** Profile Copydesk's CPU into this folder (`--cpu-prof`): one for this process alone. */
  cpuProfDir?: string;
}

/** Starts a fresh server of `kind` on a free port. */
export function startTarget(kind: ServerKind, options: TargetOptions = {}): Promise<BenchTarget> {
  if (kind === 'reference') return ReferenceServer.start();
  return BenchServer.start({
    ...(options.command ? { command: options.command } : {}),
    ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
  });
}
