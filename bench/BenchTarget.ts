import type { Presence, SessionCookie } from './api.ts';
import type { MeasuredService } from './SharedServices.ts';
import type { ServerProcess } from './ServerProcess.ts';

/** The two servers the bench compares. */
export type ServerKind = 'copydesk' | 'reference';

/** What one run measures: either server alone, or two Copydesk servers sharing PostgreSQL and Redis. */
export type TargetKind = ServerKind | 'copydesk-2srv';

/** A server (or servers sharing one database) under measurement, as the typing scenario drives it. */
export interface BenchTarget {
  readonly kind: TargetKind;
  /** The server processes, one per entry of `collabUrls`; their CPU is the target's. */
  readonly processes: readonly ServerProcess[];
  /** `http://127.0.0.1:<port>` of the first server: stories are created and listed there. */
  readonly url: string;
  /** The base URL a `WebsocketProvider` takes (the story id is appended as the room), one per server. */
  readonly collabUrls: readonly string[];
  /** What the servers share and is measured apart (PostgreSQL, Redis); empty for a server on its own. */
  readonly services: readonly MeasuredService[];
  /**
   * The awareness `user` every writer sends: what a browser signed in as the bench's account sends
   * (every writer shares that one session), byte for byte the same on every target.
   */
  readonly presence: Presence;
  /** Sent on every WebSocket handshake; null where the server has no sign-in. */
  readonly cookie: SessionCookie;
  /** How long the server keeps a story in memory after its last client left (Infinity: forever). */
  readonly unloadDelayMs: number;
  /** Makes `count` stories exist, named `prefix` and a number, and returns their ids (the room names). */
  createStories(count: number, prefix?: string): Promise<string[]>;
  /** Stops the server and removes whatever it stored. */
  stop(): Promise<void>;
}
