import type { Duplex } from 'node:stream';
import type { TurnCork } from './TurnCork.ts';
import type { WebSocket, RawData } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Role } from '../../shared/roles.ts';
import type { StoryAccess } from '../auth/storyAccess.ts';
import type { Logger } from '../log.ts';
import type { CollabMetrics } from '../metrics/CollabMetrics.ts';
import { AwarenessGuard, type AwarenessVerdict } from './AwarenessGuard.ts';
import type { CollabDocument } from './CollabDocument.ts';
import type { TransactionOrigin } from './origins.ts';
import type { TokenBucket } from './TokenBucket.ts';
import { decodeClientMessage, encodeAwareness, type ClientMessage } from './protocol.ts';

/** The signed-in account behind a socket. */
export interface SocketUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  color: string;
}

/** What a connection needs besides its socket. */
export interface ConnectionOptions {
  articleId: string;
  /** Who opened the socket; their name and colour go on every awareness state it sends. */
  user: SocketUser;
  /** `read`: the story is sent, but document updates from this socket are dropped. */
  access: StoryAccess;
  log: Logger;
  /** Frames larger than this close the socket with CloseCode.MessageTooLarge. */
  maxMessageBytes: number;
  /** Bytes sent to this socket and not yet taken by its peer; past it the socket is closed with CloseCode.FellBehind (none: unbounded). */
  maxBufferedBytes?: number;
  /**
   * Bytes of answers this socket's account may be sent (sync step 2 replies to its step 1s, queried
   * awareness), shared by its sockets and kept across its reconnects (none: unbounded).
   */
  answerBudget?: TokenBucket | null;
  /** A socket that does not answer a ping within this interval is dropped. */
  pingIntervalMs?: number;
  /** Called once, when the socket closes for any reason. */
  onClose(connection: Connection): void;
  /** Counts updates dropped from a read-only socket and awareness held back by the rate (none: not counted). */
  metrics?: CollabMetrics | null;
  /** The TCP socket under `ws`, with the cork that holds its writes to the end of each turn (none: each frame is written at once). */
  corked?: { socket: Duplex; cork: TurnCork } | null;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One client socket on one story, speaking the y-websocket protocol (sync + awareness). It decodes
 * frames and hands the story what it received; the story (CollabDocument) owns every update.
 * Frames that arrive before the story is loaded wait in order and are handled once it is.
 */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it closes. */
  readonly awarenessIds = new Set<number>();
  /** The origin of every transaction this socket causes. */
  readonly origin: TransactionOrigin = { kind: 'connection', connection: this };
  readonly articleId: string;
  readonly user: SocketUser;
  readonly access: StoryAccess;
  /** Bytes of answers this socket's account may be sent, on performance.now()'s clock (null: unbounded). */
  readonly answerBudget: TokenBucket | null;
  readonly #ws: WebSocket;
  readonly #options: ConnectionOptions;
  #doc: CollabDocument | null = null;
  #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  #closed = false;
  readonly #awarenessGuard = new AwarenessGuard();
  /** Set while awareness held back by the rate waits to be relayed. */
  #awarenessTimer: NodeJS.Timeout | null = null;
  #alive = true;
  #pingTimer: NodeJS.Timeout;

  constructor(ws: WebSocket, options: ConnectionOptions) {
    this.#ws = ws;
    this.#options = options;
    this.articleId = options.articleId;
    this.user = options.user;
    this.access = options.access;
    this.answerBudget = options.answerBudget ?? null;
    ws.on('message', (data, isBinary) => this.#onFrame(data, isBinary));
    ws.on('pong', () => {
      this.#alive = true;
    });
    ws.on('error', (error) => options.log.debug('socket error', { articleId: this.articleId, error }));
    ws.on('close', () => this.#dispose());
    this.#pingTimer = setInterval(() => {
      if (!this.#alive) {
        options.log.debug('dropping a socket that stopped answering pings', { articleId: this.articleId });
        ws.terminate();
        return;
      }
      this.#alive = false;
      ws.ping();
    }, options.pingIntervalMs ?? 30_000);
    this.#pingTimer.unref();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Binds the loaded story: greets the client (sync step 1, current awareness) and handles queued frames. */
  attach(doc: CollabDocument): void {
    if (this.#closed) return;
    this.#doc = doc;
    doc.addConnection(this);
    const queued = this.#queue;
    this.#queue = [];
    this.#queuedBytes = 0;
    for (const frame of queued) {
      if (this.#closed) break;
      this.#handle(frame);
    }
  }

  /** Writes `message` to the socket; false when it is closed or closing (nothing is written). */
  send(message: Uint8Array): boolean {
    if (this.#closed || this.#ws.readyState !== this.#ws.OPEN) return false;
    const corked = this.#options.corked;
    if (corked) corked.cork.hold(corked.socket);
    this.#ws.send(message, this.#sent);
    // A browser that stopped reading would have the story's whole traffic piled up here.
    const limit = this.#options.maxBufferedBytes;
    if (limit !== undefined && this.#ws.bufferedAmount > limit) {
      this.#options.metrics?.socketFellBehind();
      this.#options.log.info('closing a socket that fell behind: its browser is not reading what it is sent', {
        articleId: this.articleId,
        user: this.user.username,
        bufferedBytes: this.#ws.bufferedAmount,
      });
      this.close(CloseCode.FellBehind, 'this connection fell too far behind');
    }
    return true;
  }

  /** One callback for every frame this socket sends (a keystroke sends to each colleague). */
  #sent = (error?: Error | null): void => {
    if (error) this.close(CloseCode.InternalError, 'send failed');
  };

  /** Closes the socket with a shared close code; the story forgets this connection at once. */
  close(code: number, reason = ''): void {
    if (this.#closed) return;
    this.#dispose();
    this.#ws.close(code, reason);
    // A peer that never completes the closing handshake must not hold the socket open.
    setTimeout(() => this.#ws.terminate(), 2_000).unref();
  }

  #onFrame(data: RawData, isBinary: boolean): void {
    if (this.#closed) return;
    if (!isBinary) {
      this.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
      return;
    }
    const frame = toBytes(data);
    if (frame.byteLength > this.#options.maxMessageBytes) {
      this.close(CloseCode.MessageTooLarge, `messages are limited to ${this.#options.maxMessageBytes} bytes`);
      return;
    }
    if (this.#doc) {
      this.#handle(frame);
      return;
    }
    this.#queuedBytes += frame.byteLength;
    // A client may not pile up unbounded data while its story loads.
    if (this.#queuedBytes > this.#options.maxMessageBytes * 4) {
      this.close(CloseCode.MessageTooLarge, 'too much data sent before the story loaded');
      return;
    }
    this.#queue.push(frame);
  }

  #handle(frame: Uint8Array): void {
    const doc = this.#doc!;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      this.#options.log.info('closing a socket that sent a malformed message', {
        articleId: this.articleId,
        reason: error instanceof Error ? error.message : String(error),
      });
      this.close(CloseCode.BadMessage, 'malformed message');
      return;
    }
    try {
      switch (message.type) {
        case 'syncStep1':
          doc.syncStep2For(this, message.stateVector);
          break;
        case 'syncStep2':
        case 'update':
          if (this.access === 'read') {
            // A reader's editor may still send changes (typed as the story moved on in the workflow, or offline): they never reach the story, and the browser hears so.
            doc.refuseChanges(this, message.update);
            break;
          }
          // An update frame is relayed as it came when the story takes exactly its update.
          doc.applyClientUpdate(this, message.update, message.type === 'update' ? frame : null);
          break;
        case 'awareness': {
          // Bounded before any state is parsed: size, rate, and what a reader may show.
          const verdict = this.#awarenessGuard.admit(message.update, this.access, Date.now(), doc.staleAwareness(this));
          if (verdict.kind === 'later') this.#options.metrics?.awarenessHeldBack();
          this.#applyAwareness(doc, verdict, verdict.kind === 'relay' && verdict.update === message.update ? frame : null);
          break;
        }
        case 'queryAwareness': {
          // Always answered: the browser's heartbeat asks this and reconnects without an answer. Its
          // size is bounded by the awareness limits; it counts against the account's answers.
          const answer = encodeAwareness(doc.awareness, [...doc.awareness.getStates().keys()]);
          this.answerBudget?.spend(answer.byteLength, performance.now());
          this.send(answer);
          break;
        }
      }
    } catch (error) {
      this.#options.log.warn('closing a socket whose message could not be applied', { articleId: this.articleId, error });
      this.close(CloseCode.BadMessage, 'message could not be applied');
    }
  }

  #applyAwareness(doc: CollabDocument, verdict: AwarenessVerdict, frame: Uint8Array | null): void {
    switch (verdict.kind) {
      case 'close':
        this.close(verdict.code, verdict.reason);
        return;
      case 'relay':
        doc.applyAwareness(this, verdict.update, frame);
        return;
      case 'later':
        this.#awarenessTimer ??= setTimeout(() => this.#releaseAwareness(doc), verdict.inMs);
        return;
      case 'drop':
        return;
    }
  }

  /** Relays the newest states the rate held back (a fast typist's last cursor position). */
  #releaseAwareness(doc: CollabDocument): void {
    this.#awarenessTimer = null;
    if (this.#closed) return;
    try {
      this.#applyAwareness(doc, this.#awarenessGuard.release(this.access, Date.now(), doc.staleAwareness(this)), null);
    } catch (error) {
      this.#options.log.warn('closing a socket whose awareness could not be applied', { articleId: this.articleId, error });
      this.close(CloseCode.BadMessage, 'message could not be applied');
    }
  }

  #dispose(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    clearInterval(this.#pingTimer);
    if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
    this.#doc?.removeConnection(this);
    this.#options.onClose(this);
  }
}
