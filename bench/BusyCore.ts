import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Another program keeping one core busy while the bench runs (`--busy`): a Node process
 * spinning until `maxMs` has passed or it is stopped, whichever comes first, so a crashed
 * bench never leaves it behind for long.
 */
export class BusyCore {
  private constructor(private readonly child: ChildProcess) {}

  static start(maxMs: number): BusyCore {
    const script = `const end = Date.now() + ${Math.round(maxMs)}; while (Date.now() < end);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    return new BusyCore(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Ends the spinner and resolves once it has exited. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    return exited;
  }
}
