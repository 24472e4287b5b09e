import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_SYNC = 0;
const PROBE_DELAY_MS = 250;

/**
 * Knows, honestly, whether the server has received every local change.
 *
 * The y-websocket protocol has no acknowledgements, but the server handles one socket's
 * messages in order and appends an update to storage before it moves on. So after local
 * changes we send a sync step 1; the server's step 2 reply proves that everything sent
 * before it was applied. Each reply settles the oldest outstanding probe.
 *
 * A server that drops changes this socket may not make (the story became read-only for us, or was
 * spiked) says so with y-websocket's "permission denied" message (see listenForRefusals), before it
 * answers any later probe: `refuse`. From then on nothing counts as saved (`refused`) until a probe
 * is answered on a socket that refused nothing: the changes stay on this device, and reach the
 * story once it may take them.
 */
export class SaveTracker {
  private localSeq = 0;
  private savedSeq = 0;
  /** Sequence numbers covered by probes in flight, oldest first. */
  private probes: number[] = [];
  /** Step 2 replies still owed to the provider's own step 1, sent when the socket opened. */
  private handshakeReplies = 0;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<() => void>();
  /** The server's reason for the last changes it refused (null: none, or all stored since). */
  private refusedReason: string | null = null;
  /** Whether the current socket refused changes: its probe replies prove nothing stored. */
  private refusedOnSocket = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    if (provider.wsconnected) this.watchSocket();
  }

  /** Whether some local change has not reached the server yet, or the server refused to store it. */
  get hasUnsavedChanges(): boolean {
    return this.savedSeq < this.localSeq || this.refusedReason !== null;
  }

  /** Why the server refused changes of this device, while they are still not stored (a ChangesRefused id). */
  get refused(): string | null {
    return this.refusedReason;
  }

  /** Call `listener` whenever `hasUnsavedChanges` may have changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.unwatchSocket();
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return;
    this.localSeq += 1;
    this.scheduleProbe();
    this.notify();
  };

  private readonly onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') {
      this.watchSocket();
      this.refusedOnSocket = false;
      this.probes = [];
      this.handshakeReplies = 1;
    } else if (status === 'disconnected') {
      this.unwatchSocket();
      this.probes = [];
      this.handshakeReplies = 0;
    }
  };

  private readonly onSync = (synced: boolean): void => {
    // Offline edits travel in the step 2 the provider sends while syncing: probe behind them.
    if (synced) this.scheduleProbe(0);
  };

  /** The server dropped changes of the current socket, kept on this device (a ChangesRefused id). */
  readonly refuse = (reason: string): void => {
    this.refusedOnSocket = true;
    if (this.refusedReason === reason) return;
    this.refusedReason = reason;
    this.notify();
  };

  private readonly onMessage = (event: MessageEvent): void => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const kind = syncMessageKind(new Uint8Array(event.data));
    // The provider answers the server's step 1 with our offline edits: probe behind that answer.
    if (kind === syncProtocol.messageYjsSyncStep1) this.scheduleProbe(0);
    if (kind !== syncProtocol.messageYjsSyncStep2) return;
    if (this.handshakeReplies > 0) {
      this.handshakeReplies -= 1;
      return;
    }
    const covered = this.probes.shift();
    if (covered === undefined) return;
    let changed = false;
    if (covered > this.savedSeq) {
      this.savedSeq = covered;
      changed = true;
    }
    if (this.refusedReason !== null && !this.refusedOnSocket) {
      // This socket stored what the provider sent on connecting, the refused changes with it.
      this.refusedReason = null;
      changed = true;
    }
    if (changed) this.notify();
  };

  private scheduleProbe(delay = PROBE_DELAY_MS): void {
    if (this.probeTimer) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.probe();
    }, delay);
  }

  private probe(): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== ws.OPEN || !this.provider.synced) return;
    if (!this.hasUnsavedChanges) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.probes.push(this.localSeq);
  }

  private watchSocket(): void {
    const ws = this.provider.ws;
    if (ws === this.socket) return;
    this.unwatchSocket();
    this.socket = ws;
    ws?.addEventListener('message', this.onMessage);
  }

  private unwatchSocket(): void {
    this.socket?.removeEventListener('message', this.onMessage);
    this.socket = null;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The sync sub-type of a server message (step 1, step 2, update), or null for any other message. */
function syncMessageKind(message: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    return decoding.readVarUint(decoder);
  } catch {
    return null;
  }
}
