import type { GateRefusal } from '../collab/UpdateGate.ts';

/** Why a client's document update was refused: the gate's reasons, or a socket that may only read. */
export type RefusalReason = GateRefusal | 'read_only';

/** Every refusal reason, so each is reported (at 0) before it first happens. */
export const REFUSAL_REASONS: readonly RefusalReason[] = Object.keys({
  comments: true,
  not_a_suggestion: true,
  schema: true,
  malformed: true,
  read_only: true,
} satisfies Record<RefusalReason, true>) as RefusalReason[];

/** What the collaboration documents and sockets count. Each call is cheap: they run per keystroke. */
export interface CollabMetrics {
  /** A client's update changed the story and joined the commit queue. */
  updateAccepted(): void;
  /** A client's update was refused (undone, or dropped for a read-only socket). */
  updateRefused(reason: RefusalReason): void;
  /** A socket's awareness update was over the rate: its newest state waits for a token. */
  awarenessHeldBack(): void;
  /** A socket's sync step 2 replies waited because its account was over SYNC_ANSWER_BYTES_PER_SECOND. */
  answerHeldBack(): void;
  /** A socket was closed because its browser did not read what it was sent (see MAX_SOCKET_BUFFER_BYTES). */
  socketFellBehind(): void;
}

/** What the commit queue reports. */
export interface CommitMetrics {
  /** A grouped commit stored its updates in `seconds`. */
  committed(seconds: number): void;
  /** A grouped commit failed (it is retried). */
  commitFailed(): void;
}

/** What the relay between servers reports. */
export interface RelayMetrics {
  /** A document update another server published reached this one `seconds` after it was published. */
  relayed(lagSeconds: number): void;
}
