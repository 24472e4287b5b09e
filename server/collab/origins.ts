import type { ChangeKind } from '../storage/AuthorshipStore.ts';
import type { Connection } from './Connection.ts';

/**
 * Why a Yjs transaction happened. Every transaction on a story's Y.Doc carries one of these,
 * and persistence and relay switch on `kind` exhaustively.
 * - `connection`: a client sent it; store it, then relay to the other clients.
 * - `storage`: loaded from the DocStore; already stored, nobody to tell.
 * - `server`: the server changed the document itself (a command, a migration); store it and relay to all.
 * - `relay`: another server stored it and published it (or it was read back from the database after
 *   the relay was down); relay it to this server's sockets, never store or publish it again.
 */
export type TransactionOrigin =
  | { kind: 'connection'; connection: Connection }
  | { kind: 'storage' }
  | { kind: 'server'; reason: string; made?: ServerMade }
  | { kind: 'relay' };

/**
 * What a server change was made for and who asked, so the story's authorship can name it
 * ("Restored by Ed"). A server origin without it is attributed to the server, with its reason.
 */
export interface ServerMade {
  kind: Exclude<ChangeKind, 'accepted_suggestion'>;
  /** The account that asked; null when nobody did. */
  by: string | null;
  /** A short detail: the version number restored. */
  detail?: string;
}

/** The origin of state read from storage: one shared value, so it can be compared by identity. */
export const STORAGE_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'storage' });

/** The origin of what other servers stored: one shared value. */
export const RELAY_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'relay' });

/** Narrows a Yjs transaction origin; anything not ours counts as a server change, so it is still stored. */
export function toTransactionOrigin(origin: unknown): TransactionOrigin {
  if (typeof origin === 'object' && origin !== null && 'kind' in origin) {
    const kind = (origin as { kind: unknown }).kind;
    if (kind === 'connection' || kind === 'storage' || kind === 'server' || kind === 'relay') return origin as TransactionOrigin;
  }
  return { kind: 'server', reason: 'untyped origin' };
}

/** Fails to compile when a switch over origins misses a kind. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled transaction origin: ${JSON.stringify(value)}`);
}
