/** Messages between the bench coordinator and its writer processes (over the fork IPC channel). */

/** One headless writer to start in a worker. */
export interface WriterSpec {
  storyId: string;
  name: string;
  color: string;
  /** Transaction of the trace this writer starts typing from. */
  traceStart: number;
  /**
   * Which of several servers (index into the connect message's `collabUrls`) this writer
   * connects to; absent with a single server. With it, keystrokes are stamped with the
   * sender's server, so latencies across servers are told apart.
   */
  server?: number;
}

export type ToWorker =
  | { type: 'connect'; collabUrls: string[]; cookie: string | null; trace: string; writers: WriterSpec[] }
  | { type: 'start'; measureFrom: number; rate: number }
  | { type: 'stop' }
  | { type: 'progress' }
  | { type: 'report' };

/** What a worker measured during the typing phase. */
export interface WorkerReport {
  /** receive − send times (ms) of keystrokes sent at or after `measureFrom` (by a writer on the receiver's server, when there are several). */
  latencies: number[];
  /** The same for keystrokes that crossed from one server to another (empty with a single server). */
  latenciesAcrossServers: number[];
  sent: number;
  received: number;
  /** Body of each story as each writer sees it after the run. */
  bodies: { storyId: string; xml: string }[];
  closeCodes: number[];
  /** CPU seconds (user + system) this worker used while typing. */
  cpuSeconds: number;
  /** 99th percentile of this worker's event-loop delay while typing: high means the load generator itself lagged. */
  eventLoopDelayP99Ms: number;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; sent: number; received: number }
  | { type: 'report'; report: WorkerReport }
  | { type: 'error'; message: string };
