import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PasswordOwner, PasswordVerdict } from '../../shared/password/passwordRules.ts';

export interface PasswordJudgeRequest {
  id: number;
  password: string;
  owner: PasswordOwner;
}

export type PasswordJudgeReply = { id: number; verdict: PasswordVerdict } | { id: number; error: string };

export interface PasswordJudgeOptions {
  /** How long the judge's process stays after its last answer. */
  idleMs?: number;
  /** How long one verdict may take before it fails. */
  timeoutMs?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
// `passwordJudgeProcess.ts` under tsx (dev and tests), `.js` in the compiled server.
const ownExtension = path.extname(fileURLToPath(import.meta.url));
const PROCESS_FILE = path.join(here, `passwordJudgeProcess${ownExtension}`);

/**
 * The password policy (shared/password/judgePassword.ts) judged in a process of its own. zxcvbn's
 * dictionaries take about 40 MiB and a verdict 10–70 ms of CPU: kept in the server, both would sit
 * beside every open story for the rest of its life, and a judgement would stall every keystroke
 * behind it. The process starts at the first password set, answers in order, and exits after
 * `idleMs` without work, returning its memory. Should it die, pending verdicts fail and the next
 * one starts a new process.
 */
export class PasswordJudge {
  readonly #idleMs: number;
  readonly #timeoutMs: number;
  #child: ChildProcess | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (verdict: PasswordVerdict) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(options: PasswordJudgeOptions = {}) {
    this.#idleMs = options.idleMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** The judge's process id while it runs, else null. */
  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  judge(password: string, owner: PasswordOwner = {}): Promise<PasswordVerdict> {
    const child = this.#start();
    const id = this.#nextId++;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    return new Promise<PasswordVerdict>((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(id, new Error('The password check took too long.')), this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      child.send({ id, password, owner } satisfies PasswordJudgeRequest);
    });
  }

  /** Stops the judge's process now; pending verdicts fail. */
  close(): void {
    this.#stop(new Error('The password check was stopped.'));
  }

  #start(): ChildProcess {
    if (this.#child) return this.#child;
    const child = fork(PROCESS_FILE, [], {
      // Under tsx the process file is TypeScript: give the child the same loader.
      execArgv: ownExtension === '.ts' ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    child.on('message', (reply: PasswordJudgeReply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      clearTimeout(waiting.timer);
      if ('verdict' in reply) waiting.resolve(reply.verdict);
      else waiting.reject(new Error(reply.error));
      this.#idleWhenDone();
    });
    child.on('exit', () => {
      if (this.#child !== child) return;
      this.#child = null;
      this.#stop(new Error('The password check stopped unexpectedly.'));
    });
    child.on('error', () => {});
    // The server may exit while the judge idles.
    child.unref();
    child.channel?.unref();
    this.#child = child;
    return child;
  }

  #idleWhenDone(): void {
    if (this.#pending.size > 0 || this.#idleTimer) return;
    this.#idleTimer = setTimeout(() => this.#stop(null), this.#idleMs);
    this.#idleTimer.unref();
  }

  #fail(id: number, error: Error): void {
    const waiting = this.#pending.get(id);
    if (!waiting) return;
    this.#pending.delete(id);
    waiting.reject(error);
    // A judge that does not answer is replaced.
    this.#stop(error);
  }

  #stop(error: Error | null): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const child = this.#child;
    this.#child = null;
    if (child && child.exitCode === null) child.kill();
    for (const [id, waiting] of this.#pending) {
      this.#pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.reject(error ?? new Error('The password check was stopped.'));
    }
  }
}
