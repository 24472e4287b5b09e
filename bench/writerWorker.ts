/**
 * A writer process: runs a share of the headless writers so the load generator is spread
 * over processes and does not starve the server's event loop (or its own receivers).
 * Driven by the coordinator (bench/WorkerPool.ts) over the IPC channel.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchWriter } from './BenchWriter.ts';
import { TraceReplay } from './TraceReplay.ts';
import { loadSequentialTrace } from './traces.ts';
import type { FromWorker, ToWorker, WorkerReport } from './workerProtocol.ts';

const writers: BenchWriter[] = [];
const latencies: number[] = [];
const latenciesAcrossServers: number[] = [];
const timers = new Set<NodeJS.Timeout>();
let measureFrom = Number.POSITIVE_INFINITY;
let typing = false;
let cpuAtStart = process.cpuUsage();
let cpuWhileTyping: NodeJS.CpuUsage = { user: 0, system: 0 };
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

function send(message: FromWorker, then?: () => void): void {
  process.send!(message, undefined, {}, () => then?.());
}

// Every WebsocketProvider adds a process 'exit' listener; a worker runs a hundred of them.
process.setMaxListeners(0);

async function connect(message: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
  const trace = loadSequentialTrace(message.trace);
  for (const spec of message.writers) {
    writers.push(
      new BenchWriter({
        collabUrl: message.collabUrls[spec.server ?? 0]!,
        ...(spec.server === undefined ? {} : { server: spec.server }),
        storyId: spec.storyId,
        cookie: message.cookie,
        name: spec.name,
        color: spec.color,
        replay: new TraceReplay(trace, spec.traceStart),
        onLatency: (ms, sentAt, acrossServers) => {
          if (sentAt >= measureFrom) (acrossServers ? latenciesAcrossServers : latencies).push(ms);
        },
      }),
    );
  }
  await Promise.all(writers.map((w) => w.synced()));
  for (const w of writers) w.startParagraph();
  send({ type: 'ready' });
}

/** Types at `rate` keystrokes per second with ±50% jitter, so writers never move in lockstep. */
function type(writer: BenchWriter, rate: number): void {
  const schedule = (delay: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!typing) return;
      writer.keystroke();
      schedule((1000 / rate) * (0.5 + Math.random()));
    }, delay);
    timers.add(timer);
  };
  schedule(Math.random() * (1000 / rate));
}

function report(): WorkerReport {
  const cpu = cpuWhileTyping;
  return {
    latencies,
    latenciesAcrossServers,
    sent: writers.reduce((n, w) => n + w.sent, 0),
    received: writers.reduce((n, w) => n + w.received, 0),
    bodies: writers.map((w) => ({ storyId: w.provider.roomname, xml: w.bodyXml() })),
    closeCodes: writers.flatMap((w) => w.closeCodes),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  };
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'connect':
      connect(message).catch((err: unknown) => send({ type: 'error', message: String(err) }));
      return;
    case 'start':
      measureFrom = message.measureFrom;
      cpuAtStart = process.cpuUsage();
      loopDelay.enable();
      typing = true;
      for (const w of writers) type(w, message.rate);
      return;
    case 'stop':
      typing = false;
      cpuWhileTyping = process.cpuUsage(cpuAtStart);
      loopDelay.disable();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return;
    case 'progress':
      send({
        type: 'progress',
        sent: writers.reduce((n, w) => n + w.sent, 0),
        received: writers.reduce((n, w) => n + w.received, 0),
      });
      return;
    case 'report':
      // Exit only once the (large) report has left: exiting earlier drops it.
      send({ type: 'report', report: report() }, () => {
        for (const w of writers) w.destroy();
        process.exit(0);
      });
      return;
  }
});

process.on('disconnect', () => process.exit(0));
