import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket, RawData } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Role } from '../../shared/roles.ts';
import type { StoryAccess } from '../auth/storyAccess.ts';
import type { Logger } from '../log.ts';
import type { CollabDocument } from './CollabDocument.ts';
import type { TransactionOrigin } from './origins.ts';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, type ClientMessage } from './protocol.ts';
import { stampAwareness } from './stampAwareness.ts';

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
  /**
   * Whether, right now, this socket may only suggest (suggesting required in review, not an editor):
   * its updates that change the words otherwise are undone. Read on every update.
   */
  suggestionsRequired?(): boolean;
  /** Frames larger than this close the socket with CloseCode.MessageTooLarge. */
  maxMessageBytes: number;
  /** A socket that does not answer a ping within this interval is dropped. */
  pingIntervalMs?: number;
  /** Called once, when the socket closes for any reason. */
  onClose(connection: Connection): void;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One client socket on one story, speaking the y-websocket protocol (sync + awareness).
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
  readonly #ws: WebSocket;
  readonly #options: ConnectionOptions;
  #doc: CollabDocument | null = null;
  #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  #closed = false;
  /** Cancels this socket's sync step 2 replies still waiting for a stored write. */
  readonly #waitingReplies = new Set<() => void>();
  #alive = true;
  #pingTimer: NodeJS.Timeout;

  constructor(ws: WebSocket, options: ConnectionOptions) {
    this.#ws = ws;
    this.#options = options;
    this.articleId = options.articleId;
    this.user = options.user;
    this.access = options.access;
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
    this.send(encodeSyncStep1(doc.ydoc));
    const states = [...doc.awareness.getStates().keys()];
    if (states.length > 0) this.send(encodeAwareness(doc.awareness, states));
    const queued = this.#queue;
    this.#queue = [];
    this.#queuedBytes = 0;
    for (const frame of queued) {
      if (this.#closed) break;
      this.#handle(frame);
    }
  }

  send(message: Uint8Array): void {
    if (this.#closed || this.#ws.readyState !== this.#ws.OPEN) return;
    this.#ws.send(message, (error) => {
      if (error) this.close(CloseCode.InternalError, 'send failed');
    });
  }

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
        case 'syncStep1': {
          // Clients take this reply as proof that everything they sent before is saved (the
          // browser's "All changes saved"): while a write is failing, it waits until the retry stores it.
          const { stateVector } = message;
          const reply = () => this.send(encodeSyncStep2(doc.ydoc, stateVector));
          if (!doc.dirty) {
            reply();
            break;
          }
          const cancel = doc.whenStored(() => {
            this.#waitingReplies.delete(cancel);
            reply();
          });
          this.#waitingReplies.add(cancel);
          break;
        }
        case 'syncStep2':
        case 'update':
          if (this.access === 'read') {
            // A reader's editor may still produce updates (a stale tab, a hand-built frame): they never reach the story.
            this.#options.log.debug('dropped an update from a read-only socket', { articleId: this.articleId, user: this.user.username });
            break;
          }
          this.#applyUpdate(doc, message.update);
          break;
        case 'awareness': {
          const stamped = stampAwareness(
            message.update,
            { name: this.user.displayName, color: this.user.color },
            (clientId) => ![...doc.connections].some((other) => other !== this && other.awarenessIds.has(clientId)),
          );
          awarenessProtocol.applyAwarenessUpdate(doc.awareness, stamped, this.origin);
          break;
        }
        case 'queryAwareness':
          this.send(encodeAwareness(doc.awareness, [...doc.awareness.getStates().keys()]));
          break;
      }
    } catch (error) {
      this.#options.log.warn('closing a socket whose message could not be applied', { articleId: this.articleId, error });
      this.close(CloseCode.BadMessage, 'message could not be applied');
    }
  }

  #applyUpdate(doc: CollabDocument, update: Uint8Array): void {
    const refused: TransactionOrigin = { kind: 'server', reason: `undoing a refused change by ${this.user.username}` };
    const refusal = doc.gate.apply(update, this.origin, refused, { suggestionsOnly: this.#options.suggestionsRequired?.() ?? false });
    if (refusal) {
      this.#options.log.info('undid a change the sender may not make', { articleId: this.articleId, user: this.user.username, refusal });
    }
  }

  #dispose(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    for (const cancel of this.#waitingReplies) cancel();
    this.#waitingReplies.clear();
    clearInterval(this.#pingTimer);
    this.#doc?.removeConnection(this);
    this.#options.onClose(this);
  }
}
