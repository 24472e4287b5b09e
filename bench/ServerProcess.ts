import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds, processMainThreadCpuSeconds, processPeakRss } from './procStats.ts';
import { processDiskBytes, type DiskCounter } from './diskBytes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEAP_PROBE = fileURLToPath(new URL('./heapProbe.mjs', import.meta.url));

/** How to start one benchmarked server process. */
export interface ServerProcessOptions {
  /** Node arguments after the bench's own flags, e.g. `['--import', 'tsx', 'server/index.ts']`. */
  nodeArgs: readonly string[];
  env: Record<string, string>;
  /** Matches the line the server prints once it listens; group 1 is its `http://host:port` URL. */
  listening: RegExp;
  /**
   * Adds `--cpu-prof --cpu-prof-dir <dir>`: profiles are written when the process exits, one per
   * thread (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`; the main thread is 0; tsx's
   * module hooks run in a thread of their own). Give each process a folder of its own.
   */
  cpuProfDir?: string;
  startTimeoutMs?: number;
}

/**
 * A server process the bench measures from outside: CPU, peak RSS and disk bytes from
 * /proc/<pid>, and the heap after a full GC over IPC (bench/heapProbe.mjs is preloaded and
 * the process runs with `--expose-gc`). Works for any Node server that prints a listening line.
 */
/** One reading of a server's heap after a full collection, bytes. */
export interface HeapSample {
  used: number;
  /** Of `used`, compiled code, bytecode and their metadata. */
  code: number;
}

export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
    readonly pid: number,
    private readonly stopped: Promise<number | null>,
    private readonly stderrTail: () => string,
  ) {}

  /** Spawns the server and resolves once it prints its listening line; rejects with its stderr otherwise. */
  static start(options: ServerProcessOptions): Promise<ServerProcess> {
    const args = [
      '--expose-gc',
      '--import',
      HEAP_PROBE,
      ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []),
      ...options.nodeArgs,
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    return new Promise<ServerProcess>((resolve, reject) => {
      let stdout = '';
      let listening = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${options.nodeArgs.join(' ')} did not start within ${timeoutMs} ms.\n${stderr}`));
      }, timeoutMs);
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        if (listening) return;
        stdout = (stdout + chunk).slice(-20_000);
        const match = options.listening.exec(stdout);
        if (!match) return;
        listening = true;
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve(new ServerProcess(child, match[1]!, child.pid!, stopped, () => stderr));
      });
      const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(timer);
        reject(new Error(`${options.nodeArgs.join(' ')} exited before listening (code ${code}, signal ${signal}).\n${stderr}`));
      };
      child.once('exit', onEarlyExit);
    });
  }

  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number {
    return processCpuSeconds(this.pid);
  }

  /** CPU seconds of its main (JavaScript) thread alone. */
  mainThreadCpuSeconds(): number {
    return processMainThreadCpuSeconds(this.pid);
  }

  /** Peak resident memory (VmHWM) so far, in bytes. */
  peakRss(): number {
    return processPeakRss(this.pid);
  }

  /** Bytes the process has written so far by `counter` (/proc/<pid>/io). */
  diskBytes(counter: DiskCounter): number {
    return processDiskBytes(this.pid, counter);
  }

  /** Heap in use (bytes) right after a full garbage collection in the server process. */
  async heapUsed(timeoutMs = 10_000): Promise<number> {
    return (await this.heap(timeoutMs)).used;
  }

  /**
   * Heap in use right after a full garbage collection (bytes), and how much of it is compiled code
   * with its metadata (V8's code statistics).
   */
  heap(timeoutMs = 10_000): Promise<HeapSample> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`Server ${this.pid} did not answer the heap question within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: { type?: string; heapUsed?: number; codeBytes?: number; gc?: boolean }) => {
        if (message?.type !== 'heap') return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        if (!message.gc) reject(new Error(`Server ${this.pid} runs without --expose-gc`));
        else resolve({ used: message.heapUsed!, code: message.codeBytes ?? 0 });
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'heap' });
    });
  }

  /** The tail of what the server printed on stderr. */
  stderr(): string {
    return this.stderrTail();
  }

  /** Sends `signal` and resolves with the exit code once the process has exited (SIGKILL after `graceMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const code = await Promise.race([this.stopped, late]);
    clearTimeout(timer);
    if (code !== 'late') return code;
    this.child.kill('SIGKILL');
    return this.stopped;
  }
}
