import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Presence } from '../../shared/api.ts';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { isEditorial } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CollabMetrics } from '../metrics/CollabMetrics.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { DocStore } from '../storage/DocStore.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { searchDocumentOf } from '../search/searchDocumentOf.ts';
import type { Attribution, ChangeRange, StoryAttribution, Writer } from '../storage/AuthorshipStore.ts';
import { acceptAwareness, type AwarenessUser } from './acceptAwareness.ts';
import { acceptedSuggestions } from './acceptedSuggestions.ts';
import { bringsChanges } from './bringsChanges.ts';
import type { CommitQueue } from './CommitQueue.ts';
import type { Connection } from './Connection.ts';
import { RELAY_ORIGIN, STORAGE_ORIGIN, assertNever, toTransactionOrigin, type TransactionOrigin } from './origins.ts';
import { encodeAwareness, encodeAwarenessUpdate, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts';
import { summaryOf } from './readSummary.ts';
import type { RelaySubscription, StoryRelay } from './relay/StoryRelay.ts';
import { UpdateGate, type GateRefusal, type HeldSlot, type SchemaCheck } from './UpdateGate.ts';
import { WordsBack } from './WordsBack.ts';
import type { WordsBackStore } from '../storage/WordsBackStore.ts';
import { soleClient, updateClients } from './updateClients.ts';
import { readStoredState } from '../storage/readStoredState.ts';

/** What a live document needs from the rest of the server. */
export interface CollabDocumentDeps {
  docStore: DocStore;
  /** The server's one commit queue: accepted updates are stored through it before anyone hears of them. */
  commits: CommitQueue;
  articleStore: ArticleStore;
  /** Re-indexed from the story's text whenever its row's summary is written (none: not indexed). */
  searchIndex?: SearchIndex | null;
  config: Pick<Config, 'compactAfterUpdates' | 'summaryDebounceMs'> & Partial<Pick<Config, 'summaryMaxWaitMs'>> & {
    /** Bound on a socket's part waiting for missing structs (default 8 MiB); past it the socket must resync. */
    maxHeldBytes?: number;
    /** How long that part may wait for what is missing (default 10 s). */
    heldTimeoutMs?: number;
  };
  log: Logger;
  /** Checks the story against the article schema after a client's transaction (none: not checked). */
  schemaCheck?: SchemaCheck;
  /** Checks a whole story as loaded: a story stored before the schema was enforced is reported, not changed. */
  storyCheck?: (ydoc: Y.Doc) => { path: string; message: string } | null;
  /**
   * Connects this server with the others that hold the story (none: one server). Stored updates and
   * accepted awareness are published; what the others publish is applied with the relay origin.
   */
  relay?: StoryRelay | null;
  /** After each accepted change: `username` of the socket that made it, null for a server change. */
  onChange?(articleId: string, username: string | null): void;
  /** Before a stored, idle story leaves memory (and at shutdown). */
  onUnload?(articleId: string, ydoc: Y.Doc): void;
  /** Counts accepted and refused client updates (none: not counted). */
  metrics?: CollabMetrics | null;
  /** Keeps each writer's words the story did not keep until her browser has them (none: only sent). */
  wordsBack?: WordsBackStore | null;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** What the document keeps for each socket editing it. */
interface Peer {
  /** The socket's part waiting for structs the story lacks. */
  slot: HeldSlot;
  /** Closes the socket when its held part is not completed in time. */
  heldTimer: NodeJS.Timeout | null;
  /** State vectors of the socket's sync step 1 messages still owed a reply, oldest first. */
  replies: Uint8Array[];
  /** Bytes those state vectors hold (see MAX_REPLY_BYTES). */
  replyBytes: number;
  /** Set while its replies wait for its account's answer budget. */
  answerTimer: NodeJS.Timeout | null;
  /** Whether the socket was told its changes are refused (read-only, spiked): told once, then dropped unread. */
  toldRefused: boolean;
  /** Its edits the gate undid, and the words they took away, told to its writer. */
  wordsBack: WordsBack;
  /** Made once per socket, not per keystroke: the origin undoing its refused changes, the name and colour on its cursors, and its awareness rules. */
  refused: Extract<TransactionOrigin, { kind: 'server' }>;
  user: AwarenessUser;
  mayUse: (clientId: number) => boolean;
  stale: (clientId: number, clock: number, removal: boolean) => boolean;
}

/** What the sender of an undone update is told, by the gate's reason. */
const UNDONE_BECAUSE: Record<Exclude<GateRefusal, 'malformed'>, ChangesRefused> = {
  not_a_suggestion: ChangesRefused.SuggestionsRequired,
  schema: ChangesRefused.Schema,
  comments: ChangesRefused.Comments,
};

const DEFAULT_MAX_HELD_BYTES = 8 * 1024 * 1024;
const DEFAULT_HELD_TIMEOUT_MS = 10_000;
/**
 * Bound on the state vectors of one socket's sync step 1 messages waiting for their answer (while
 * a part of its work is held, or the store fails). A browser's probe is tens of bytes, a few a
 * second; past the bound the socket must reconnect and sync again (4208).
 */
const MAX_REPLY_BYTES = 1024 * 1024;
const REPLY_OVERHEAD_BYTES = 64;

function clearPeerTimers(peer: Peer): void {
  if (peer.heldTimer) clearTimeout(peer.heldTimer);
  if (peer.answerTimer) clearTimeout(peer.answerTimer);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/**
 * One open story: its Y.Doc, its awareness and the sockets editing it. It owns every client update:
 * `applyClientUpdate` checks it (UpdateGate) and applies it; each accepted update joins the server's
 * commit queue and only once it is stored is it relayed (the same bytes to every other socket: a
 * keystroke's frame as it came, anything else encoded once) and the sender's sync step 1 answered
 * ("saved"). A failed commit relays nothing.
 */
export class CollabDocument {
  readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly connections = new Set<Connection>();
  readonly #deps: CollabDocumentDeps;
  readonly #gate: UpdateGate;
  readonly #peers = new Map<Connection, Peer>();
  /** Whether, right now, sockets of non-editors may only suggest (in review with suggesting required). */
  #suggestingRequired = false;
  /** Whether the story is spiked: no socket may change it, whatever access it was opened with. */
  #spiked = false;
  /** Accepted updates queued for a commit and not stored yet. */
  #uncommitted = 0;
  #queuedSeq = 0;
  #storedSeq = 0;
  #storedWaiters: Array<{ seq: number; resolve: () => void }> = [];
  #lastChangeAt = Date.now();
  /** Runs while the story's row and search index have changes to take (see #followLater). */
  #followTimer: NodeJS.Timeout | null = null;
  /** When the first change the row and the index have not taken yet was made (0: none waiting). */
  #followPendingSince = 0;
  #compacting = false;
  /** Rows in the stored log since its snapshot: read at load, counted per commit. */
  #logLength = 0;
  #destroyed = false;
  #subscription: RelaySubscription | null = null;
  /** Relayed messages that arrive while the story loads, applied in order once it has. */
  #relayBacklog: Array<() => void> | null = null;
  /** Writers this server has queued for recording, by client id: a keystroke costs one lookup here. */
  readonly #attributed = new Map<number, string>();
  /** Ranges this server has queued for recording (rare: server changes, accepted suggestions). */
  readonly #ranges: ChangeRange[] = [];
  /** The sync update message carrying the client update being applied (null: none, or a sync step 2). */
  #frame: Uint8Array | null = null;
  /** Whether the 'update' listener is on: only for a transaction whose update Yjs must encode. */
  #encoding = false;
  /** Suggested words the current transaction accepted, found in `afterTransaction`, taken by its update. */
  #accepted: ChangeRange[] | null = null;

  constructor(
    readonly articleId: string,
    deps: CollabDocumentDeps,
  ) {
    this.#deps = deps;
    this.#gate = new UpdateGate(this.ydoc, deps.schemaCheck ?? null);
    // The server is not an editor: it has no cursor of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('afterTransaction', this.#onAfterTransaction);
    this.ydoc.on('afterTransactionCleanup', this.#onCleanup);
    this.ydoc.on('afterAllTransactions', this.#stopEncoding);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  /** Applies the stored state and reads the story's write rules. Rejects when the store cannot be read. */
  async load(): Promise<void> {
    const relay = this.#deps.relay;
    if (relay) {
      // Subscribe first, then load: nothing another server stores meanwhile is missed.
      const backlog: Array<() => void> = [];
      this.#relayBacklog = backlog;
      this.#subscription = await relay.subscribe(this.articleId, {
        update: (update) => this.#fromRelay(() => this.#applyRelayed(update)),
        awareness: (update) => this.#fromRelay(() => this.#applyRelayedAwareness(update)),
        resync: () =>
          this.#fromRelay(() => {
            this.catchUp().catch((error: unknown) => this.#deps.log.warn('re-reading a story another server could not relay failed', { articleId: this.articleId, error }));
          }),
      });
    }
    const { state, logLength } = await this.#deps.docStore.load(this.articleId);
    try {
      this.#logLength = logLength;
      if (state) Y.applyUpdate(this.ydoc, state, STORAGE_ORIGIN);
      const violation = this.#deps.storyCheck?.(this.ydoc);
      if (violation) {
        this.#deps.log.warn('a stored story does not fit the article schema; exports may refuse it until it is edited', {
          articleId: this.articleId,
          path: violation.path,
          problem: violation.message,
        });
      }
      await this.refreshRules();
    } catch (error) {
      // The story never opens: the store's hold on it goes with it.
      this.#deps.docStore.release?.(this.articleId);
      throw error;
    }
    const backlog = this.#relayBacklog;
    this.#relayBacklog = null;
    for (const apply of backlog ?? []) apply();
    // A log left long by a crash before its compaction is compacted once the story is open.
    this.#maybeCompact();
  }

  /**
   * After the relay was down: reads the story from the database and applies what this server lacks
   * (with the relay origin: this server's sockets receive it, nothing is stored again).
   */
  async catchUp(): Promise<void> {
    const state = await readStoredState(this.#deps.docStore, this.articleId);
    if (state && !this.#destroyed) Y.applyUpdate(this.ydoc, state, RELAY_ORIGIN);
  }

  /** Reads the story's write rules again (after a transition, a spike or restore, or a change of its review settings). */
  async refreshRules(): Promise<void> {
    const record = await this.#deps.articleStore.get(this.articleId);
    this.#suggestingRequired = !!record && record.status === 'in_review' && (record.requireSuggestions ?? false);
    this.#spiked = (record?.spikedAt ?? null) !== null;
  }

  /** Rows the story's stored log holds since its snapshot, as far as this server knows. */
  get logLength(): number {
    return this.#logLength;
  }

  /** Whether some accepted update is not stored yet. */
  get dirty(): boolean {
    return this.#uncommitted > 0;
  }

  /** Binds a socket: greets it (sync step 1, current awareness). */
  addConnection(connection: Connection): void {
    this.connections.add(connection);
    // A client id is this socket's to speak for unless another socket of the story announced it.
    const mayUse = (clientId: number) => connection.awarenessIds.has(clientId) || !this.#awarenessIdTaken(connection, clientId);
    this.#peers.set(connection, {
      slot: { held: null },
      heldTimer: null,
      replies: [],
      replyBytes: 0,
      answerTimer: null,
      toldRefused: false,
      wordsBack: new WordsBack((notice) => connection.send(encodePermissionDenied(notice)), this.#keepNotice(connection)),
      refused: {
        kind: 'server',
        reason: `undoing a refused change by ${connection.user.username}`,
        made: { kind: 'refused_undo', by: connection.user.username },
      },
      user: { name: connection.user.displayName, color: connection.user.color },
      mayUse,
      stale: (clientId, clock, removal) => {
        if (!mayUse(clientId)) return true;
        const meta = this.awareness.meta.get(clientId);
        if (meta === undefined) return false;
        return clock < meta.clock || (clock === meta.clock && !(removal && this.awareness.states.has(clientId)));
      },
    });
    connection.send(encodeSyncStep1(this.ydoc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwareness(this.awareness, states));
  }

  removeConnection(connection: Connection): void {
    this.connections.delete(connection);
    const peer = this.#peers.get(connection);
    if (peer) clearPeerTimers(peer);
    this.#peers.delete(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /**
   * A socket's document update (sync step 2 or update): checked and applied with the socket's origin.
   * A part that depends on structs the story lacks is held for that socket, and the socket is asked
   * for what is missing (the server's sync step 1, which y-websocket answers with a step 2).
   * Throws when the update is malformed (nothing of it stays in the story). `frame`: the sync
   * update message that carried it, relayed as it is when the story takes exactly this update.
   */
  applyClientUpdate(connection: Connection, update: Uint8Array, frame: Uint8Array | null = null): void {
    const peer = this.#peers.get(connection);
    if (!peer) return;
    if (this.#spiked) {
      // A writer's socket opened before the spike is closed (AccessChanged), but what it sends meanwhile never reaches the story.
      this.refuseChanges(connection, update);
      return;
    }
    const hadHeld = peer.slot.held !== null;
    const queuedBefore = this.#queuedSeq;
    let refusal;
    this.#frame = frame;
    try {
      refusal = this.#gate.apply(
        update,
        connection.origin,
        peer.refused,
        {
          suggestionsOnly: this.#suggestingRequired && !isEditorial(connection.user.role),
          author: connection.user,
        },
        peer.slot,
      );
    } catch (error) {
      this.#deps.metrics?.updateRefused('malformed');
      throw error;
    } finally {
      this.#frame = null;
    }
    // Accepted: it changed the story (a sync step 2 with nothing new, or a part still held, did not).
    if (!refusal && this.#queuedSeq !== queuedBefore) this.#deps.metrics?.updateAccepted();
    if (refusal) {
      this.#deps.metrics?.updateRefused(refusal);
      this.#deps.log.info('undid a change the sender may not make', {
        articleId: this.articleId,
        user: connection.user.username,
        refusal,
        detail: this.#gate.lastDetail ?? '',
      });
      // The undo reaches the sender as a forward change like everyone else; this says why its words
      // went, and sends them back to her to paste as a suggestion.
      if (refusal !== 'malformed') peer.wordsBack.undone(UNDONE_BECAUSE[refusal], this.#gate.lastUndoneRuns);
    } else if (this.#gate.lastUndoneRuns.length > 0) {
      peer.wordsBack.gather(this.#gate.lastUndoneRuns);
    }
    const held = peer.slot.held;
    if (held) {
      const maxBytes = this.#deps.config.maxHeldBytes ?? DEFAULT_MAX_HELD_BYTES;
      if (held.bytes > maxBytes) {
        connection.close(CloseCode.ResyncRequired, 'too much of this editor’s work depends on changes the server lacks');
        return;
      }
      if (!hadHeld) {
        connection.send(encodeSyncStep1(this.ydoc));
        peer.heldTimer = setTimeout(() => {
          peer.heldTimer = null;
          if (peer.slot.held) connection.close(CloseCode.ResyncRequired, 'missing changes did not arrive in time');
        }, this.#deps.config.heldTimeoutMs ?? DEFAULT_HELD_TIMEOUT_MS);
        peer.heldTimer.unref();
      }
    } else if (hadHeld) {
      if (peer.heldTimer) clearTimeout(peer.heldTimer);
      peer.heldTimer = null;
      this.#answerReplies(connection, peer);
    }
  }

  /**
   * A socket's update that may not reach the story (a read-only socket, a spiked story): dropped.
   * When it would have changed the story, the socket is told once (y-websocket's "permission
   * denied"), so its browser keeps the changes and never calls them saved; what the socket sends
   * after that is dropped unread. A viewer's empty sync step 2, or changes the story already
   * holds, are dropped without a word. Throws when the update is malformed.
   */
  refuseChanges(connection: Connection, update: Uint8Array): void {
    this.#deps.metrics?.updateRefused('read_only');
    const peer = this.#peers.get(connection);
    if (!peer || peer.toldRefused || !bringsChanges(this.ydoc, update)) return;
    peer.toldRefused = true;
    const reason = this.#spiked ? ChangesRefused.Spiked : ChangesRefused.ReadOnly;
    this.#deps.log.info('refused changes from a socket that may not change the story', { articleId: this.articleId, user: connection.user.username, reason });
    connection.send(encodePermissionDenied(reason));
  }

  /**
   * A socket's sync step 1: answered with everything the socket lacks, once everything it sent is
   * stored and nothing of it is held (its "saved" signal), and never with an unstored update.
   * Replies keep their order.
   */
  syncStep2For(connection: Connection, stateVector: Uint8Array): void {
    const peer = this.#peers.get(connection);
    if (!peer) return;
    peer.replies.push(stateVector);
    peer.replyBytes += stateVector.byteLength + REPLY_OVERHEAD_BYTES;
    // Unanswered while a part of its work is held or the store fails: a socket may not pile them up.
    if (peer.replyBytes > MAX_REPLY_BYTES) {
      connection.close(CloseCode.ResyncRequired, 'too many sync requests waiting for an answer');
      return;
    }
    this.#answerReplies(connection, peer);
  }

  /** A socket's awareness update: stamped with its account, applied, relayed to the other sockets. */
  applyAwareness(connection: Connection, update: Uint8Array, frame: Uint8Array | null = null): void {
    const peer = this.#peers.get(connection);
    if (!peer) return;
    const accepted = acceptAwareness(this.awareness, update, peer.user, peer.mayUse);
    for (const id of accepted.set) connection.awarenessIds.add(id);
    for (const id of accepted.removed) connection.awarenessIds.delete(id);
    if (!accepted.relay) return;
    const message = accepted.relay === update && frame ? frame : encodeAwarenessUpdate(accepted.relay);
    this.#relay(message, connection);
    this.#deps.relay?.publishAwareness(this.articleId, accepted.relay);
  }

  /**
   * Which awareness entries from `connection` would change nothing: another socket's client (a
   * browser sends back every state it hears of) or a clock not newer than the story's (an equal
   * clock only counts for a removal of a known state, as in y-protocols).
   */
  staleAwareness(connection: Connection): (clientId: number, clock: number, removal: boolean) => boolean {
    return this.#peers.get(connection)?.stale ?? (() => true);
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
   * Resolves once every update accepted so far is stored: what a REST change waits for before it
   * answers. Never resolves while the store keeps failing (the caller bounds the wait).
   */
  whenStored(): Promise<void> {
    if (this.#storedSeq >= this.#queuedSeq) return Promise.resolve();
    return new Promise((resolve) => this.#storedWaiters.push({ seq: this.#queuedSeq, resolve }));
  }

  /** Writes the story row's summary and its search index now, if the story changed since they were. */
  flushSummary(): Promise<void> {
    return this.#followPendingSince !== 0 ? this.#follow() : Promise.resolve();
  }

  /** Stops timers, leaves the relay and releases the Y.Doc. */
  destroy(): void {
    this.#destroyed = true;
    void this.#subscription?.close().catch(() => {});
    this.#subscription = null;
    for (const peer of this.#peers.values()) clearPeerTimers(peer);
    this.#peers.clear();
    this.#storedWaiters = [];
    if (this.#followTimer) clearTimeout(this.#followTimer);
    this.ydoc.off('afterTransaction', this.#onAfterTransaction);
    this.ydoc.off('afterTransactionCleanup', this.#onCleanup);
    this.ydoc.off('afterAllTransactions', this.#stopEncoding);
    this.#stopEncoding();
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.#gate.destroy();
    this.ydoc.destroy();
  }

  /** How a socket's notices of words the story did not keep are kept for its writer (null: not kept). */
  #keepNotice(connection: Connection): ((notice: string) => Promise<number>) | null {
    const store = this.#deps.wordsBack;
    if (!store) return null;
    return (notice) =>
      store.add(this.articleId, connection.user.id, notice).catch((error: unknown) => {
        this.#deps.log.error('keeping words the story did not keep failed; they are only sent', {
          articleId: this.articleId,
          user: connection.user.username,
          error,
        });
        throw error;
      });
  }

  #awarenessIdTaken(connection: Connection, clientId: number): boolean {
    for (const other of this.connections) if (other !== connection && other.awarenessIds.has(clientId)) return true;
    return false;
  }

  #answerReplies(connection: Connection, peer: Peer): void {
    if (this.#uncommitted > 0 || peer.slot.held || peer.replies.length === 0 || peer.answerTimer) return;
    const replies = peer.replies;
    peer.replies = [];
    peer.replyBytes = 0;
    const budget = connection.answerBudget;
    // A browser asks again with the same state vector while it waits: one answer, sent for each.
    let asked: Uint8Array | null = null;
    let answer: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < replies.length && !connection.closed; i++) {
      const waitMs = budget?.msUntil(1, performance.now()) ?? 0;
      if (waitMs > 0) {
        // Its account asked for more than its budget: the rest wait, in order, and nothing is encoded meanwhile.
        this.#deps.metrics?.answerHeldBack();
        const waiting = replies.slice(i);
        peer.replies = waiting.concat(peer.replies);
        peer.replyBytes = peer.replies.reduce((sum, stateVector) => sum + stateVector.byteLength + REPLY_OVERHEAD_BYTES, 0);
        peer.answerTimer = setTimeout(() => {
          peer.answerTimer = null;
          if (this.#peers.get(connection) === peer) this.#answerReplies(connection, peer);
        }, waitMs);
        peer.answerTimer.unref();
        return;
      }
      const stateVector = replies[i]!;
      if (asked === null || !sameBytes(asked, stateVector)) {
        answer = encodeSyncStep2(this.ydoc, stateVector);
        asked = stateVector;
      }
      budget?.spend(answer.byteLength, performance.now());
      connection.send(answer);
    }
  }

  /**
   * Each transaction's update, without Yjs encoding it when it need not: a client's update the story
   * took exactly (a keystroke, see UpdateGate.exactUpdate) is stored and relayed as it came. For any
   * other transaction (a server change, a relayed update, a client's update with a part held back),
   * the 'update' listener is put on for this transaction, so Yjs encodes what it did: Yjs encodes a
   * transaction only while somebody listens, and checks right after this event.
   */
  #onCleanup = (transaction: Y.Transaction): void => {
    const exact = this.#gate.exactUpdate(transaction);
    const origin = toTransactionOrigin(transaction.origin);
    if (exact && origin.kind === 'connection') {
      // Off, though an earlier transaction of the same group needed it: this one is not encoded.
      this.#stopEncoding();
      this.#accept(exact, origin, this.#frame);
    } else if (origin.kind === 'storage') this.#stopEncoding();
    else if (!this.#encoding) {
      this.#encoding = true;
      this.ydoc.on('update', this.#onUpdate);
    }
  };

  /** After a transaction (or a nested group of them): nobody listens for encoded updates until one needs it. */
  #stopEncoding = (): void => {
    if (!this.#encoding) return;
    this.#encoding = false;
    this.ydoc.off('update', this.#onUpdate);
  };

  #onUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    const origin = toTransactionOrigin(rawOrigin);
    switch (origin.kind) {
      case 'storage':
        return;
      case 'relay':
        // Stored by the server that accepted it: only this server's sockets need it.
        this.#relay(encodeUpdate(update), null);
        return;
      case 'connection':
      case 'server':
        this.#accept(update, origin, null);
        return;
      default:
        assertNever(origin);
    }
  };

  /** A change of a socket or of the server: queued for the commit, relayed once stored. `frame`: the message to relay, when the socket sent one that says exactly this. */
  #accept(update: Uint8Array, origin: Extract<TransactionOrigin, { kind: 'connection' | 'server' }>, frame: Uint8Array | null): void {
    if (origin.kind === 'connection') {
      this.#queue(update, frame, origin.connection, this.#writerAttribution(update, origin.connection));
      this.#deps.onChange?.(this.articleId, origin.connection.user.username);
    } else {
      this.#queue(update, null, null, this.#serverAttribution(update, origin));
      this.#deps.onChange?.(this.articleId, null);
    }
    this.#lastChangeAt = Date.now();
    this.#scheduleSummary();
  }

  #queue(update: Uint8Array, frame: Uint8Array | null, sender: Connection | null, attribution: Attribution | null): void {
    this.#uncommitted += 1;
    const seq = ++this.#queuedSeq;
    const onStored = () => this.#stored(update, frame, sender, seq);
    this.#deps.commits.push(attribution ? { articleId: this.articleId, update, onStored, attribution } : { articleId: this.articleId, update, onStored });
  }

  #onAfterTransaction = (transaction: Y.Transaction): void => {
    this.#accepted = null;
    // A keystroke deletes nothing: this is one size check.
    if (transaction.deleteSet.clients.size === 0) return;
    const origin = toTransactionOrigin(transaction.origin);
    if (origin.kind !== 'connection') return;
    const accepted = acceptedSuggestions(transaction, origin.connection.user.username);
    if (accepted.length > 0) this.#accepted = accepted;
  };

  /** A socket's update: its writer when it brings a client id not attributed yet, and what it accepted. */
  #writerAttribution(update: Uint8Array, connection: Connection): Attribution | null {
    // The common keystroke: one client, already attributed, nothing accepted.
    if (this.#accepted === null && this.#attributed.has(soleClient(update))) return null;
    let writers: Writer[] | null = null;
    for (const clientId of updateClients(update)) {
      if (this.#attributed.has(clientId)) continue;
      this.#attributed.set(clientId, connection.user.username);
      (writers ??= []).push({ clientId, username: connection.user.username });
    }
    const accepted = this.#accepted;
    this.#accepted = null;
    if (!writers && !accepted) return null;
    if (accepted) this.#ranges.push(...accepted);
    return { articleId: this.articleId, writers: writers ?? [], ranges: accepted ?? [] };
  }

  /** A server change: the range of the server's clocks it wrote, and what made it. */
  #serverAttribution(update: Uint8Array, origin: Extract<TransactionOrigin, { kind: 'server' }>): Attribution | null {
    const clientId = this.ydoc.clientID;
    const { from, to } = Y.parseUpdateMeta(update);
    const start = from.get(clientId);
    const end = to.get(clientId);
    if (start === undefined || end === undefined || end <= start) return null;
    const made = origin.made ?? { kind: 'server', by: null, detail: origin.reason };
    const range: ChangeRange = { clientId, from: start, to: end, kind: made.kind, by: made.by, detail: made.detail ?? null };
    this.#ranges.push(range);
    return { articleId: this.articleId, writers: [], ranges: [range] };
  }

  /**
   * What this server attributed in the story since it opened it, stored or still queued: the
   * authorship view adds it to what the store holds, so words typed a moment ago have their author.
   */
  attributedHere(): StoryAttribution {
    return {
      writers: [...this.#attributed].map(([clientId, username]) => ({ clientId, username })),
      ranges: [...this.#ranges],
    };
  }

  /** After the commit that stored `update`: relay it, count it, answer what waited for it. */
  #stored(update: Uint8Array, frame: Uint8Array | null, sender: Connection | null, seq: number): void {
    this.#uncommitted -= 1;
    this.#storedSeq = seq;
    this.#logLength += 1;
    if (this.#destroyed) return;
    this.#relay(frame ?? encodeUpdate(update), sender);
    this.#deps.relay?.publishUpdate(this.articleId, update);
    if (this.#uncommitted === 0) {
      for (const [connection, peer] of this.#peers) this.#answerReplies(connection, peer);
    }
    if (this.#storedWaiters.length > 0) {
      const ready = this.#storedWaiters.filter((waiter) => waiter.seq <= seq);
      this.#storedWaiters = this.#storedWaiters.filter((waiter) => waiter.seq > seq);
      for (const waiter of ready) waiter.resolve();
    }
    this.#maybeCompact();
  }

  #onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    // Sockets' own updates are relayed by applyAwareness; this relays the rest (a socket's states
    // removed when it closes, states timed out, other servers' states) to this server's sockets,
    // and publishes this server's own changes to the others.
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.#relay(encodeAwarenessUpdate(update), null);
    if (origin !== RELAY_ORIGIN) this.#deps.relay?.publishAwareness(this.articleId, update);
  };

  /** Runs a relayed message now, or once the story has loaded. */
  #fromRelay(apply: () => void): void {
    if (this.#destroyed) return;
    if (this.#relayBacklog) this.#relayBacklog.push(apply);
    else apply();
  }

  #applyRelayed(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.ydoc, update, RELAY_ORIGIN);
    } catch (error) {
      this.#deps.log.warn('a relayed update could not be applied; the story catches up from the database', { articleId: this.articleId, error });
      void this.catchUp().catch(() => {});
    }
  }

  #applyRelayedAwareness(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAY_ORIGIN);
    } catch (error) {
      this.#deps.log.debug('a relayed awareness update could not be applied', { articleId: this.articleId, error });
    }
  }

  #relay(message: Uint8Array, except: Connection | null): void {
    // A Buffer view made once: the socket layer would make one per socket from a plain Uint8Array.
    const bytes = Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    for (const connection of this.connections) {
      if (connection !== except) connection.send(bytes);
    }
  }

  #maybeCompact(): void {
    if (this.#compacting || this.#destroyed || this.#logLength < this.#deps.config.compactAfterUpdates) return;
    this.#compacting = true;
    // After the relay: a compaction merges the whole log and must not delay the keystroke.
    setImmediate(() => {
      if (this.#destroyed) {
        this.#compacting = false;
        return;
      }
      this.#deps.docStore.compact(this.articleId).then(
        (merged) => {
          // Only the merged rows leave the count: the store may have taken appends after it read the log.
          this.#logLength = Math.max(0, this.#logLength - merged);
          this.#compacting = false;
        },
        (error: unknown) => {
          this.#compacting = false;
          this.#deps.log.warn('compacting the update log failed; the log keeps growing until the next try', {
            articleId: this.articleId,
            error,
          });
        },
      );
    });
  }

  #scheduleSummary(): void {
    if (this.#followPendingSince !== 0) return;
    this.#followPendingSince = this.#lastChangeAt;
    this.#followLater(this.#deps.config.summaryDebounceMs);
  }

  /**
   * The story's row (headline, word count, meta, last change: what the list shows) and its search
   * index take the story once typing has paused for SUMMARY_DEBOUNCE_MS (5 s), and at least every
   * SUMMARY_MAX_WAIT_MS (30 s) while it goes on. Both read the whole story, and the index rewrites
   * it on disk: a story typed in every second cannot pay that every few seconds (at 200 stories it
   * was a tenth of the server's CPU). Per keystroke this costs nothing: the timer checks the last
   * change when it fires.
   */
  #followLater(wait: number): void {
    if (this.#followTimer || this.#destroyed) return;
    this.#followTimer = setTimeout(() => {
      this.#followTimer = null;
      const now = Date.now();
      const quiet = now - this.#lastChangeAt;
      const waited = now - this.#followPendingSince;
      const delay = this.#deps.config.summaryDebounceMs;
      const maxWait = this.#deps.config.summaryMaxWaitMs ?? 30_000;
      if (quiet < delay && waited < maxWait) {
        this.#followLater(Math.min(delay - quiet, maxWait - waited));
        return;
      }
      void this.#follow();
    }, wait);
  }

  /** Writes the row's summary and the search index from one reading of the story. */
  #follow(): Promise<void> {
    if (this.#followTimer) {
      clearTimeout(this.#followTimer);
      this.#followTimer = null;
    }
    this.#followPendingSince = 0;
    const failed = (what: string) => (error: unknown) => this.#deps.log.warn(`${what} failed`, { articleId: this.articleId, error });
    try {
      const article = readArticle(this.ydoc);
      const row = this.#deps.articleStore
        .updateSummary(this.articleId, { ...summaryOf(article), updatedAt: new Date(this.#lastChangeAt).toISOString() })
        .catch(failed('updating the story row'));
      const index = this.#deps.searchIndex?.put(this.articleId, searchDocumentOf(article)).catch(failed('indexing the story for search'));
      return Promise.all([row, index]).then(() => undefined);
    } catch (error) {
      failed('reading the story for its row and search index')(error);
      return Promise.resolve();
    }
  }
}
