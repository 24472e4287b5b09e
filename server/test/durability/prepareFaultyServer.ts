import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FaultyServerCommand, FaultyServerReport } from './faultyServerEntry.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'server/test/durability/faultyServerEntry.ts');
const JUDGE_ENTRY = path.join(ROOT, 'server/auth/passwordJudgeProcess.ts');

let bundled: Promise<string> | null = null;

/**
 * The entry and all our sources as one ES module (packages stay imports), built once per test
 * process. A child loads it in about half the time `node --import tsx` takes to transform and
 * resolve a few hundred files one by one, and a crash test starts a child per seed. It lives under
 * node_modules/.cache so its package imports resolve from the project.
 */
function bundledEntry(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import('esbuild');
    const folder = path.join(ROOT, 'node_modules/.cache/copydesk-durability');
    removeOrphanBundles(folder);
    const outfile = path.join(folder, `faultyServer-${process.pid}.mjs`);
    await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
    // The password judge's process (server/auth/PasswordJudge.ts) is looked for beside the bundle;
    // every test process writes the same file, so it is moved into place whole.
    const judge = await build({ entryPoints: [JUDGE_ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'warning' });
    const judgeFile = path.join(folder, 'passwordJudgeProcess.mjs');
    fs.writeFileSync(`${judgeFile}.${process.pid}`, judge.outputFiles[0]!.contents);
    fs.renameSync(`${judgeFile}.${process.pid}`, judgeFile);
    return outfile;
  })();
  return bundled;
}

/** Deletes the bundles of test processes that have ended (a test worker is often killed, not exited). */
function removeOrphanBundles(folder: string): void {
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    const pid = Number(/^faultyServer-(\d+)\.mjs$/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A server child process with a switchable store, listening. */
export interface FaultyServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  /** Makes every store write fail (true) or succeed again (false); resolves once the child applied it. */
  setFailing(failing: boolean): Promise<void>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A loaded server child that has not opened any database yet. */
export interface PreparedServer {
  /** Starts the server on `dataDir` (SQLite file inside) and resolves once it listens. */
  start(dataDir: string, options?: { compactAfterUpdates?: number }): Promise<FaultyServer>;
  /** Kills the child without starting it. */
  discard(): Promise<void>;
}

/**
 * Spawns faultyServerEntry.ts (the real server, its DocStore switchable over IPC) and resolves once
 * it has loaded its modules. Starting it later takes milliseconds, not the seconds loading takes,
 * so a test can prepare the next server while the current one runs.
 */
export async function prepareFaultyServer(timeoutMs = 30_000): Promise<PreparedServer> {
  // Imported from `-e`, so the bundled server/index.ts does not take itself for the main module.
  const entry = pathToFileURL(await bundledEntry()).href;
  const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(entry)})`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await nextReport(child, (report) => report.kind === 'ready', timeoutMs, () => stderr);
  return {
    discard: () => kill('SIGKILL'),
    async start(dataDir, options = {}) {
      const listening = nextReport(child, (report) => report.kind === 'listening', timeoutMs, () => stderr);
      command(child, { kind: 'start', dataDir, ...options });
      const report = await listening;
      if (report.kind !== 'listening') throw new Error('unreachable');
      return {
        url: report.url,
        pid: child.pid!,
        kill,
        async setFailing(failing) {
          const applied = nextReport(child, (r) => r.kind === 'store' && r.failing === failing, timeoutMs, () => stderr);
          command(child, { kind: 'store', failing });
          await applied;
        },
      };
    },
  };
}

function command(child: ChildProcess, message: FaultyServerCommand): void {
  child.send(message);
}

/** Resolves with the child's next report that `matches`; rejects, with its stderr, when it exits or stays silent first. */
function nextReport(
  child: ChildProcess,
  matches: (report: FaultyServerReport) => boolean,
  timeoutMs: number,
  stderr: () => string,
): Promise<FaultyServerReport> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: FaultyServerReport) => {
      if (!matches(report)) return;
      done();
      resolve(report);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`the server child exited (code ${code}, signal ${signal}).\n${stderr()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the server child did not answer within ${timeoutMs} ms.\n${stderr()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
