import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Presence } from '../../shared/api.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { DocStore } from '../storage/DocStore.ts';
import type { Connection } from './Connection.ts';
import { STORAGE_ORIGIN, assertNever, toTransactionOrigin } from './origins.ts';
import { encodeAwareness, encodeUpdate } from './protocol.ts';
import { readSummary } from './readSummary.ts';
import { UpdateGate } from './UpdateGate.ts';

/** What a live document needs from the rest of the server. */
export interface CollabDocumentDeps {
  docStore: DocStore;
  articleStore: ArticleStore;
  config: Pick<Config, 'compactAfterUpdates' | 'summaryDebounceMs'>;
  log: Logger;
  /** After each stored change: `username` of the socket that made it, null for a server change. */
  onChange?(articleId: string, username: string | null): void;
  /** Before a stored, idle story leaves memory (and at shutdown). */
  onUnload?(articleId: string, ydoc: Y.Doc): void;
}

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 10_000;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * One open story: its Y.Doc, its awareness and the connections editing it.
 * Every accepted update is appended to the DocStore before it is relayed, so an edit another
 * client has seen is already stored.
 */
export class CollabDocument {
  readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly connections = new Set<Connection>();
  /** Every client update goes through it: comment threads and required suggesting are enforced here. */
  readonly gate = new UpdateGate(this.ydoc);
  readonly #deps: CollabDocumentDeps;
  /** Updates whose append failed, oldest first; retried on a timer until stored. */
  #unstored: Uint8Array[] = [];
  /** Callbacks waiting for every accepted update to be stored, oldest first (a Set keeps insertion order). */
  #storedWaiters = new Set<() => void>();
  #retryTimer: NodeJS.Timeout | null = null;
  #retryDelayMs = RETRY_FIRST_MS;
  #summaryTimer: NodeJS.Timeout | null = null;
  #summaryDirty = false;
  #lastChangeAt = new Date().toISOString();
  #compactQueued = false;
  /** Rows in the stored log since its snapshot: read at load, counted per append, so an append is one INSERT. */
  #logLength = 0;
  #destroyed = false;

  constructor(
    readonly articleId: string,
    deps: CollabDocumentDeps,
  ) {
    this.#deps = deps;
    // The server is not an editor: it has no cursor of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('update', this.#onUpdate);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  /** Applies the stored state. Throws when the store cannot be read. */
  load(): void {
    const state = this.#deps.docStore.load(this.articleId);
    this.#logLength = this.#deps.docStore.logLength(this.articleId);
    if (state) Y.applyUpdate(this.ydoc, state, STORAGE_ORIGIN);
    // A log left long by a crash before its compaction is compacted once the story is open.
    if (this.#logLength >= this.#deps.config.compactAfterUpdates) this.#queueCompaction();
  }

  /** Whether some accepted update is not stored yet. */
  get dirty(): boolean {
    return this.#unstored.length > 0;
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
  }

  removeConnection(connection: Connection): void {
    this.connections.delete(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Who is in the story right now, from the awareness `user` fields. */
  presence(): Presence[] {
    const seen = new Map<string, Presence>();
    for (const state of this.awareness.getStates().values()) {
      const user: unknown = state.user;
      if (typeof user !== 'object' || user === null) continue;
      const { name, color } = user as Record<string, unknown>;
      if (typeof name !== 'string' || typeof color !== 'string' || name === '') continue;
      seen.set(`${name}\u0000${color}`, { name, color });
    }
    return [...seen.values()];
  }

  /**
   * Runs `callback` once every update accepted so far is stored: at once when nothing is pending,
   * otherwise after the retried write succeeds (callbacks keep their order). Dropped on destroy.
   * Returns a cancel function: a socket that closes drops what it still waits for.
   */
  whenStored(callback: () => void): () => void {
    if (this.#unstored.length === 0) {
      callback();
      return () => {};
    }
    const waiter = () => callback();
    this.#storedWaiters.add(waiter);
    return () => {
      this.#storedWaiters.delete(waiter);
    };
  }

  /** How many whenStored callbacks wait for the retried write. */
  get waitingForStore(): number {
    return this.#storedWaiters.size;
  }

  /** Stores what is pending (updates, summary) now. Returns true when nothing is left unstored. */
  flush(): boolean {
    if (this.#unstored.length > 0) this.#retryStore();
    if (this.#summaryDirty) this.#writeSummary();
    return this.#unstored.length === 0;
  }

  /** Stops timers and releases the Y.Doc. Call flush() first. */
  destroy(): void {
    this.#destroyed = true;
    this.#storedWaiters.clear();
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    if (this.#summaryTimer) clearTimeout(this.#summaryTimer);
    this.ydoc.off('update', this.#onUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.gate.destroy();
    this.ydoc.destroy();
  }

  #onUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    const origin = toTransactionOrigin(rawOrigin);
    switch (origin.kind) {
      case 'storage':
        return;
      case 'connection':
        this.#store(update);
        this.#broadcast(encodeUpdate(update), origin.connection);
        this.#deps.onChange?.(this.articleId, origin.connection.user.username);
        break;
      case 'server':
        this.#store(update);
        this.#broadcast(encodeUpdate(update), null);
        this.#deps.onChange?.(this.articleId, null);
        break;
      default:
        assertNever(origin);
    }
    this.#lastChangeAt = new Date().toISOString();
    this.#scheduleSummary();
  };

  #onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, rawOrigin: unknown): void => {
    const origin = toTransactionOrigin(rawOrigin);
    switch (origin.kind) {
      case 'connection':
        // Remember which awareness clients a socket speaks for, to remove them when it closes.
        for (const id of added) origin.connection.awarenessIds.add(id);
        for (const id of removed) origin.connection.awarenessIds.delete(id);
        break;
      case 'storage':
      case 'server':
        break;
      default:
        assertNever(origin);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length > 0) this.#broadcast(encodeAwareness(this.awareness, changed), null);
  };

  #broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }

  /**
   * Appends one update to the log. When the append fails the update stays applied in memory
   * and is still relayed: the sender already holds it, and any client that syncs later receives
   * it in sync step 2 anyway, so holding back the relay could not keep it from spreading.
   * Instead the document is marked dirty, is not unloaded, and the write is retried with backoff.
   */
  #store(update: Uint8Array): void {
    if (this.#unstored.length > 0) {
      this.#unstored.push(update);
      return;
    }
    try {
      this.#deps.docStore.append(this.articleId, update);
      this.#appended();
    } catch (error) {
      this.#unstored.push(update);
      this.#deps.log.error('storing an update failed; keeping it in memory and retrying', {
        articleId: this.articleId,
        error,
      });
      this.#scheduleRetry();
    }
  }

  #scheduleRetry(): void {
    if (this.#retryTimer || this.#destroyed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#retryStore();
    }, this.#retryDelayMs);
  }

  #retryStore(): void {
    if (this.#unstored.length === 0) return;
    const merged = Y.mergeUpdates(this.#unstored);
    try {
      this.#deps.docStore.append(this.articleId, merged);
      this.#appended();
      this.#deps.log.info('stored updates kept in memory after a failed write', {
        articleId: this.articleId,
        updates: this.#unstored.length,
      });
      this.#unstored = [];
      this.#retryDelayMs = RETRY_FIRST_MS;
      if (this.#retryTimer) {
        clearTimeout(this.#retryTimer);
        this.#retryTimer = null;
      }
      const waiters = [...this.#storedWaiters];
      this.#storedWaiters.clear();
      for (const waiter of waiters) waiter();
    } catch (error) {
      this.#unstored = [merged];
      this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, RETRY_MAX_MS);
      this.#deps.log.error('storing updates failed again', { articleId: this.articleId, error });
      this.#scheduleRetry();
    }
  }

  #appended(): void {
    this.#logLength += 1;
    if (this.#logLength >= this.#deps.config.compactAfterUpdates) this.#queueCompaction();
  }

  #queueCompaction(): void {
    if (this.#compactQueued) return;
    this.#compactQueued = true;
    // After the relay: a compaction merges the whole log and must not delay the keystroke.
    setImmediate(() => {
      this.#compactQueued = false;
      if (this.#destroyed) return;
      try {
        // Only the merged rows leave the count: the store may have taken appends after it read the log.
        this.#logLength = Math.max(0, this.#logLength - this.#deps.docStore.compact(this.articleId));
      } catch (error) {
        this.#deps.log.warn('compacting the update log failed; the log keeps growing until the next try', {
          articleId: this.articleId,
          error,
        });
      }
    });
  }

  #scheduleSummary(): void {
    this.#summaryDirty = true;
    if (this.#summaryTimer || this.#destroyed) return;
    this.#summaryTimer = setTimeout(() => {
      this.#summaryTimer = null;
      this.#writeSummary();
    }, this.#deps.config.summaryDebounceMs);
  }

  #writeSummary(): void {
    if (this.#summaryTimer) {
      clearTimeout(this.#summaryTimer);
      this.#summaryTimer = null;
    }
    this.#summaryDirty = false;
    try {
      this.#deps.articleStore.updateSummary(this.articleId, { ...readSummary(this.ydoc), updatedAt: this.#lastChangeAt });
    } catch (error) {
      this.#deps.log.warn('updating the story row failed', { articleId: this.articleId, error });
    }
  }
}
