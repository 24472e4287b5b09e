import { loadavg } from 'node:os';
import { getWithSession, type SessionCookie } from './api.ts';
import { delay } from './BenchServer.ts';
import type { BenchTarget, TargetKind } from './BenchTarget.ts';
import { BusyCore } from './BusyCore.ts';
import { profileClockMicros } from './cpuProfile.ts';
import type { DiskCounter } from './diskBytes.ts';
import { startTarget, type TargetOptions } from './startTarget.ts';
import { now } from './BenchWriter.ts';
import { summarizeLatency, percentile, type LatencySummary } from './percentile.ts';
import { machineBusySeconds } from './procStats.ts';
import { WorkerPool } from './WorkerPool.ts';
import { converged } from './converged.ts';
import type { WriterSpec } from './workerProtocol.ts';
import { writerServer } from './writerServer.ts';

export interface TypingScenarioOptions {
  stories: number;
  writersPerStory: number;
  durationSeconds: number;
  /** Keystrokes per second per writer. */
  rate: number;
  /** Writer processes sharing the clients. */
  processes: number;
  trace: string;
  /** Which server to measure (or two Copydesk servers sharing PostgreSQL and Redis). */
  server: TargetKind;
  /** How to start it (Copydesk's command, CPU profile). */
  target?: TargetOptions;
  /** Keep one core busy with another process while the writers type. */
  busy: boolean;
  /** Which /proc/<pid>/io counter measures disk writes. */
  diskCounter: DiskCounter;
}

/** What one typing scenario measured. */
export interface TypingScenarioResult {
  name: string;
  server: TargetKind;
  /** Another process kept one core busy while the writers typed. */
  busy: boolean;
  stories: number;
  writers: number;
  durationSeconds: number;
  rate: number;
  processes: number;
  keystrokesSent: number;
  /** Keystrokes received by other writers of the same story, and how many were expected. */
  deliveries: number;
  expectedDeliveries: number;
  /** Receive − send time of each keystroke at each other writer of its story. */
  fanOutLatencyMs: LatencySummary;
  /** Server CPU over the typing phase, in % of one core (with several servers, all of them). */
  serverCpuPercent: number;
  /** Server CPU time per keystroke, in ms: the cost of relaying and storing one edit, less sensitive to a busy machine. */
  serverCpuMsPerKeystroke: number;
  /** Of it, the servers' main (JavaScript) threads; the rest is V8's collector and compilers and libuv's pool. */
  serverMainThreadCpuMsPerKeystroke: number;
  /** Peak resident memory of the server process (VmHWM), MiB; NaN with several servers (see `servers`). */
  serverPeakRssMiB: number;
  /** With several servers only: each one's CPU over the typing phase (% of one core) and peak RSS. */
  servers?: { cpuPercent: number; peakRssMiB: number }[];
  /** With several servers only: fan-out between two writers on one server, and between writers on different servers. */
  sameServerLatencyMs?: LatencySummary;
  acrossServersLatencyMs?: LatencySummary;
  /** What the servers share (PostgreSQL, Redis): CPU over the typing phase, not counted in the server CPU. Absent when nothing is shared. */
  services?: { name: string; cpuPercent: number; cpuMsPerKeystroke: number }[];
  /** CPU the writer processes used over the typing phase, in % of one core (all processes together). */
  writersCpuPercent: number;
  /** Worst writer process's event-loop delay p99 (ms): when high, latency was spent in the load generator. */
  writersLoopDelayP99Ms: number;
  /**
   * CPU used by everything else on the machine while the writers typed (% of one core): other
   * programs competing with the bench. Well above zero means the latencies are inflated.
   */
  otherCpuPercent: number;
  /** 1-minute load average of the machine before and after typing (other processes compete for the cores). */
  loadAverage: [before: number, after: number];
  /** Median time of GET /api/articles while the writers type, one a second in the warm-up round (Copydesk only, NaN for the reference). */
  listRequestMs: number;
  /** Bytes the server wrote by `diskCounter` from the first keystroke until every story was unloaded, per keystroke (NaN with several servers). */
  diskBytesPerKeystroke: number;
  diskCounter: DiskCounter;
  /** When the writers typed, in µs of CLOCK_MONOTONIC (the clock of the server's CPU profile). */
  typingWindowMicros: [from: number, to: number];
  /** Heap in use after a full GC before the measured stories were created (after the warm-up round came and went), bytes. */
  heapBeforeBytes: number;
  /** The same once every client had left and the server's unload delay had passed. */
  heapAfterBytes: number;
  /** Of heapBeforeBytes and heapAfterBytes, compiled code, bytecode and their metadata (V8's code statistics). */
  codeBeforeBytes: number;
  codeAfterBytes: number;
  /**
   * (after − before) / stories, KiB, without compiled code: what an idle story still costs the server
   * (heap figures NaN with several servers). Code the JIT compiled while the writers typed is a
   * one-off of the process, not held per story; it is in heapWithCodeKiBPerIdleStory.
   */
  heapKiBPerIdleStory: number;
  /** The same with compiled code counted. */
  heapWithCodeKiBPerIdleStory: number;
  /** Every writer of every story ended with the same story body. */
  converged: boolean;
  closeCodes: number[];
}

/** Spread writers over the start of the trace so each types a different passage. */
const TRACE_SPREAD = 2000;

/** After the unload delay, time for the last stores and timers to finish before the heap is read. */
const UNLOAD_MARGIN_MS = 1_500;
/** The reference never unloads: this long after the last client left is when its heap is read. */
const IDLE_WAIT_MS = 3_500;

/** How long after its last client left a story is idle on `server`: unloaded, or for good (the reference). */
function idleWait(server: BenchTarget): number {
  return Number.isFinite(server.unloadDelayMs) ? server.unloadDelayMs + UNLOAD_MARGIN_MS : IDLE_WAIT_MS;
}

/**
 * Seconds the warm-up round types before the measured one, at the scenario's own shape: long enough
 * for V8 to optimize the keystroke path of each server (on this 2-core machine Copydesk's server
 * compiled about 80 functions in the first two seconds of typing and a few a second after that).
 */
export const WARM_UP_SECONDS = 6;

/** One round of writers, connected and settled: `stories` new stories, `writersPerStory` writers each. */
interface Round {
  specs: WriterSpec[];
  pool: WorkerPool;
}

async function startRound(server: BenchTarget, options: TypingScenarioOptions, ids: readonly string[], traceOffset: number): Promise<Round> {
  const serverCount = server.collabUrls.length;
  const specs: WriterSpec[] = [];
  ids.forEach((storyId) => {
    for (let w = 0; w < options.writersPerStory; w++) {
      const n = specs.length;
      specs.push({
        storyId,
        // Every writer is the bench's one account, as tabs of one person are: the server relays its
        // awareness as sent (it stamps every state with the account's name and colour).
        name: server.presence.name,
        color: server.presence.color,
        traceStart: 1 + ((n * 97 + traceOffset) % TRACE_SPREAD),
        ...(serverCount > 1 ? { server: writerServer(w, options.writersPerStory, serverCount) } : {}),
      });
    }
  });
  const pool = new WorkerPool(specs, options.processes);
  try {
    await pool.connect(server.collabUrls, server.cookie, options.trace);
  } catch (error) {
    pool.kill();
    throw error;
  }
  // Let the paragraphs every writer pasted on arrival reach everyone before timing.
  await delay(1_000);
  return { specs, pool };
}

/**
 * The warm-up round: the scenario's shape on stories of its own, typing WARM_UP_SECONDS, then every
 * writer leaves and the server's unload delay passes. What a server sets up once (modules loaded on
 * first use, code the JIT optimizes once a path is hot, caches) is then in place before anything is
 * measured, for both servers alike: the CPU, latency and heap figures are the steady state's, not
 * the first seconds of a process.
 */
async function warmUpRound(server: BenchTarget, options: TypingScenarioOptions, ids: readonly string[], timeList: boolean): Promise<number[]> {
  const round = await startRound(server, options, ids, TRACE_SPREAD / 2);
  let listTimes: number[];
  try {
    round.pool.start(now(), options.rate);
    // The story list is timed here, under the same typing, so its requests are not in the measured CPU.
    const listing = server.kind === 'reference' || !timeList ? Promise.resolve([]) : sampleListRequests(server.url, server.cookie, WARM_UP_SECONDS * 1000);
    await delay(WARM_UP_SECONDS * 1000);
    round.pool.stop();
    listTimes = await listing;
    await drained(round.pool, options.writersPerStory - 1);
    await round.pool.report();
  } finally {
    round.pool.kill();
  }
  await delay(idleWait(server));
  return listTimes;
}

/** Runs `stories × writersPerStory` headless writers against a fresh server for a fixed time, after a warm-up round of the same shape. */
export async function runTypingScenario(options: TypingScenarioOptions): Promise<TypingScenarioResult> {
  const name = `${options.stories} ${options.stories === 1 ? 'story' : 'stories'} × ${options.writersPerStory} writers`;
  const server: BenchTarget = await startTarget(options.server, options.target);
  // The heap, disk and peak RSS figures are one server's; with several they are left out.
  const single = server.processes.length === 1 ? server.processes[0]! : null;
  let pool: WorkerPool | null = null;
  let busy: BusyCore | null = null;
  try {
    const warmUpIds = await server.createStories(options.stories, 'Bench warm-up');
    const listTimes = await warmUpRound(server, options, warmUpIds, true);
    const heapBefore = single ? await single.heap() : { used: Number.NaN, code: Number.NaN };
    const storyIds = await server.createStories(options.stories, 'Bench story');
    if (single) {
      // The full collection that reads the heap throws away optimized code (V8 deoptimized 100–130
      // of Copydesk's hot functions and 60–90 of the reference's there), and creating stories
      // deoptimizes some more in Copydesk: the measured round paid for compiling them all again.
      // The warm-up's writers come back to its stories first, so the measured round starts with
      // the keystroke path compiled, as in a server that runs on.
      await warmUpRound(server, options, warmUpIds, false);
    }
    const round = await startRound(server, options, storyIds, 0);
    const specs = round.specs;
    pool = round.pool;

    if (options.busy) {
      busy = BusyCore.start((options.durationSeconds + 30) * 1000);
      // Let the spinner reach full speed before the first keystroke.
      await delay(300);
    }
    const loadBefore = loadavg()[0]!;
    const diskBefore = single ? single.diskBytes(options.diskCounter) : Number.NaN;
    const cpuBefore = server.processes.map((p) => p.cpuSeconds());
    const mainBefore = server.processes.map((p) => p.mainThreadCpuSeconds());
    const servicesBefore = server.services.map((s) => s.cpuSeconds());
    const machineBefore = machineBusySeconds();
    const selfBefore = process.cpuUsage();
    const profileFrom = profileClockMicros();
    const startedAt = now();
    pool.start(startedAt, options.rate);
    await delay(options.durationSeconds * 1000);
    pool.stop();
    const profileTo = profileClockMicros();
    const elapsed = (now() - startedAt) / 1000;
    const cpuEach = server.processes.map((p, i) => p.cpuSeconds() - cpuBefore[i]!);
    const mainThreadCpu = sum(server.processes.map((p, i) => p.mainThreadCpuSeconds() - mainBefore[i]!));
    const servicesCpu = server.services.map((s, i) => s.cpuSeconds() - servicesBefore[i]!);
    const serverCpu = sum(cpuEach);
    const machineBusy = machineBusySeconds() - machineBefore;
    const self = process.cpuUsage(selfBefore);
    const loadAfter = loadavg()[0]!;
    await busy?.stop();
    busy = null;
    // Keystrokes sent before the stop may still be travelling: wait until every one has arrived.
    await drained(pool, options.writersPerStory - 1);
    // The writers leave as they report.
    const reports = await pool.report();
    pool = null;
    let heapAfter = { used: Number.NaN, code: Number.NaN };
    let diskWritten = Number.NaN;
    if (single) {
      await delay(idleWait(server));
      heapAfter = await single.heap();
      diskWritten = single.diskBytes(options.diskCounter) - diskBefore;
    }
    const peakRss = server.processes.map((p) => p.peakRss());

    const sent = sum(reports.map((r) => r.sent));
    const writersCpu = sum(reports.map((r) => r.cpuSeconds));
    const sameServer = reports.flatMap((r) => r.latencies);
    const acrossServers = reports.flatMap((r) => r.latenciesAcrossServers);
    const knownCpu = serverCpu + writersCpu + (self.user + self.system) / 1e6 + sum(servicesCpu.filter(Number.isFinite));
    return {
      name,
      server: server.kind,
      busy: options.busy,
      stories: options.stories,
      writers: specs.length,
      durationSeconds: options.durationSeconds,
      rate: options.rate,
      processes: reports.length,
      keystrokesSent: sent,
      deliveries: sum(reports.map((r) => r.received)),
      expectedDeliveries: sent * (options.writersPerStory - 1),
      fanOutLatencyMs: summarizeLatency([...sameServer, ...acrossServers]),
      serverCpuPercent: (serverCpu / elapsed) * 100,
      serverCpuMsPerKeystroke: sent ? (serverCpu * 1000) / sent : Number.NaN,
      serverMainThreadCpuMsPerKeystroke: sent ? (mainThreadCpu * 1000) / sent : Number.NaN,
      serverPeakRssMiB: single ? peakRss[0]! / 2 ** 20 : Number.NaN,
      ...(single
        ? {}
        : {
            servers: cpuEach.map((cpu, i) => ({ cpuPercent: (cpu / elapsed) * 100, peakRssMiB: peakRss[i]! / 2 ** 20 })),
            sameServerLatencyMs: summarizeLatency(sameServer),
            acrossServersLatencyMs: summarizeLatency(acrossServers),
          }),
      ...(server.services.length
        ? {
            services: server.services.map((s, i) => ({
              name: s.name,
              cpuPercent: (servicesCpu[i]! / elapsed) * 100,
              cpuMsPerKeystroke: sent ? (servicesCpu[i]! * 1000) / sent : Number.NaN,
            })),
          }
        : {}),
      writersCpuPercent: (writersCpu / elapsed) * 100,
      otherCpuPercent: (Math.max(0, machineBusy - knownCpu) / elapsed) * 100,
      writersLoopDelayP99Ms: Math.max(...reports.map((r) => r.eventLoopDelayP99Ms)),
      loadAverage: [loadBefore, loadAfter],
      listRequestMs: percentile(Float64Array.from(listTimes).sort(), 50),
      diskBytesPerKeystroke: sent ? diskWritten / sent : Number.NaN,
      diskCounter: options.diskCounter,
      typingWindowMicros: [profileFrom, profileTo],
      heapBeforeBytes: heapBefore.used,
      heapAfterBytes: heapAfter.used,
      codeBeforeBytes: heapBefore.code,
      codeAfterBytes: heapAfter.code,
      heapKiBPerIdleStory: (heapAfter.used - heapAfter.code - (heapBefore.used - heapBefore.code)) / options.stories / 1024,
      heapWithCodeKiBPerIdleStory: (heapAfter.used - heapBefore.used) / options.stories / 1024,
      converged: converged(reports.flatMap((r) => r.bodies)),
      closeCodes: reports.flatMap((r) => r.closeCodes),
    };
  } finally {
    pool?.kill();
    await busy?.stop();
    await server.stop();
  }
}

/** Waits until every keystroke reached the other writers of its story (or a minute passed: then some were lost). */
async function drained(pool: WorkerPool, peers: number, timeoutMs = 60_000): Promise<void> {
  const start = now();
  let last = -1;
  while (now() - start < timeoutMs) {
    const { sent, received } = await pool.progress();
    if (received >= sent * peers) break;
    // After the first seconds, a count that no longer moves means the rest is not coming.
    if (received === last && now() - start > 10_000) break;
    last = received;
    await delay(500);
  }
  // Let the last updates settle into every document before the bodies are compared.
  await delay(500);
}

/** Times GET /api/articles every second until `durationMs` has passed: what the story list costs under load. */
/** Times GET /api/articles once a second for `durationMs`. */
async function sampleListRequests(baseUrl: string, cookie: SessionCookie, durationMs: number): Promise<number[]> {
  const end = now() + durationMs;
  const times: number[] = [];
  while (now() < end) {
    await delay(Math.min(1_000, Math.max(0, end - now())));
    if (now() >= end) break;
    const t0 = now();
    const res = await getWithSession(`${baseUrl}/api/articles`, cookie);
    if (res.ok) times.push(now() - t0);
  }
  return times;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
