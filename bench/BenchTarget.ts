import type { SessionCookie } from './api.ts';
import type { ServerProcess } from './ServerProcess.ts';

/** The two servers the bench compares. */
export type ServerKind = 'copydesk' | 'reference';

/** A server under measurement, as the typing scenario drives it. */
export interface BenchTarget {
  readonly kind: ServerKind;
  readonly process: ServerProcess;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The base URL a `WebsocketProvider` takes (the story id is appended as the room). */
  readonly collabUrl: string;
  /** Sent on every WebSocket handshake; null where the server has no sign-in. */
  readonly cookie: SessionCookie;
  /** How long the server keeps a story in memory after its last client left (Infinity: forever). */
  readonly unloadDelayMs: number;
  /** Makes `count` stories exist, named `prefix` and a number, and returns their ids (the room names). */
  createStories(count: number, prefix?: string): Promise<string[]>;
  /** Stops the server and removes whatever it stored. */
  stop(): Promise<void>;
}
