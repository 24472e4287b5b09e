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

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    if (provider.wsconnected) this.watchSocket();
  }

  /** Whether some local change has not reached the server yet. */
  get hasUnsavedChanges(): boolean {
    return this.savedSeq < this.localSeq;
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
    if (covered !== undefined && covered > this.savedSeq) {
      this.savedSeq = covered;
      this.notify();
    }
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
