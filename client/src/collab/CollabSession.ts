import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CloseCode, FATAL_CLOSE_CODES, describeCloseCode } from '../../../shared/collab/closeCodes.ts';
import { keptOnDevice } from '../../../shared/collab/changesRefused.ts';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';
import { SCHEMA_VERSION } from '../../../shared/editor/version.ts';
import type { Presence } from '../../../shared/api.ts';
import { Heartbeat } from './Heartbeat.ts';
import { SaveTracker } from './SaveTracker.ts';
import { isSignedOut } from './isSignedOut.ts';
import { dismissKeptWords, isKeptWordsKey, keepNotice, readKeptWords } from './keptWords.ts';
import { WordsBackInbox } from './WordsBackInbox.ts';
import { listenForRefusals } from './listenForRefusals.ts';
import { clearUnsaved, deleteLocalStore, localStoreName, markUnsaved, rememberLocalStore, sessionsMarking } from './localStores.ts';
import { holdSessionLock, openSessionIds } from './sessionLocks.ts';
import { MARK_REFRESH_MS } from './unsavedMarks.ts';

/** What a browser's WebSocket reports for a connection that failed without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** At most one re-read of the story per this many ms because the server refused our changes. */
const REFUSAL_REREAD_MS = 1000;

/** A plain, immutable picture of a session's connection, for rendering. */
export interface CollabSnapshot {
  socket: 'connecting' | 'connected' | 'disconnected';
  /** The server's copy and ours are in step on the current connection. */
  synced: boolean;
  /** The document is safe to show: from the server, or from this device's earlier copy. */
  ready: boolean;
  /** Some local change has not reached the server yet. */
  unsaved: boolean;
  /** The server refused to store changes of this device, and why (a ChangesRefused id); they are kept here. */
  refused: string | null;
  /** The last edit of ours the server undid in the story, and why; `count` grows with each one. */
  undone: { reason: string; count: number } | null;
  /** Words of ours the server undid, kept on this device until dismissed, to paste back (oldest first, as typed: see wordsToShow). */
  undoneWords: readonly string[];
  /** Failed connection attempts since the last successful sync. */
  failedAttempts: number;
  /** Why the server refused us for good; the session no longer reconnects. */
  fatal: { code: number; message: string } | null;
  /** A temporary reason the server gave for the last close, if it gave one. */
  notice: string | null;
  /** How many times the server said this user's rights on the story changed (or refused our changes); re-read the story when it grows. */
  accessChanges: number;
}

/**
 * One open story in this browser: the Y.Doc, its copy on this device (IndexedDB) and
 * its connection to the server. The document is never seeded here; the server wrote it
 * when the story was created.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** This device's copy, opened once the closed sessions that marked it are known (see openLocal). */
  private local: IndexeddbPersistence | null = null;
  /** This device's copy of the story (IndexedDB database name). */
  private readonly storeName: string;
  /** This session's name in the copy's unsaved marks, when it last set its mark, and when it started loading the copy. */
  private readonly markId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private markedAt = 0;
  private localLoadStartedAt = 0;
  /** Sessions that marked the copy and were closed when this one started loading it: their changes are in what it loads. */
  private closedAtLoad: ReadonlySet<string> = new Set();
  private readonly releaseSessionLock: () => void;
  private readonly saves: SaveTracker;
  private readonly heartbeat: Heartbeat;
  /** Words of ours the server kept for us because a socket may drop before their notice arrives. */
  private readonly inbox: WordsBackInbox;
  private readonly listeners = new Set<() => void>();
  private snapshot: CollabSnapshot;
  private everSynced = false;
  private localLoaded = false;
  private fatal: CollabSnapshot['fatal'] = null;
  private notice: string | null = null;
  private accessChanges = 0;
  private undone: CollabSnapshot['undone'] = null;
  private undoneWords: readonly string[];
  private refusalRereadAt = 0;
  private checkingSession = false;
  private destroyed = false;

  constructor(
    readonly articleId: string,
    identity: Presence & { username: string },
    collabUrl: string,
  ) {
    this.storeName = localStoreName(identity.username, articleId);
    rememberLocalStore(identity.username, this.storeName);
    this.undoneWords = readKeptWords(this.storeName);
    this.releaseSessionLock = holdSessionLock(this.markId);
    this.provider = new WebsocketProvider(collabUrl, articleId, this.doc, {
      params: { schemaVersion: SCHEMA_VERSION },
      shouldReconnect: (event) => !FATAL_CLOSE_CODES.has(event.code),
      maxBackoffTime: 4000,
    });
    // The server stamps the signed-in account over this anyway; setting it shows our own caret right away.
    this.provider.awareness.setLocalStateField('user', { name: identity.name, color: identity.color });
    this.saves = new SaveTracker(this.doc, this.provider);
    // Every change of ours (and what the device copy loads) keeps this session's mark on the copy
    // fresh, at most once a second: another tab's save clears only marks older than its own load.
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) return;
      const now = Date.now();
      if (now - this.markedAt < MARK_REFRESH_MS) return;
      this.markedAt = now;
      markUnsaved(this.storeName, this.markId, now);
    });
    this.heartbeat = new Heartbeat(this.provider, this.reconnect);
    this.inbox = new WordsBackInbox(articleId, (notice) => {
      const kept = keepNotice(this.storeName, notice);
      if (!kept) return;
      this.undoneWords = kept;
      this.update();
    });
    this.snapshot = this.computeSnapshot();

    this.provider.on('status', this.update);
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.everSynced = true;
        this.notice = null;
        // Words of ours whose notice a dropped socket took along are kept by the server until we have them.
        this.inbox.collectSoon(0);
      }
      this.update();
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      // A handshake that never opened (1006) may be the server's HTTP 401: ask whether we are signed out.
      if (event?.code === ABNORMAL_CLOSURE && !this.provider.wsconnected) void this.checkSession();
      if (event && !FATAL_CLOSE_CODES.has(event.code)) this.notice = describeCloseCode(event.code);
      if (event?.code === CloseCode.AccessChanged) this.accessChanges += 1;
      this.update();
    });
    this.provider.on('closed', ({ code }: { code: number }) => {
      this.fatal = { code, message: describeCloseCode(code) ?? `The server closed the connection (code ${code}).` };
      this.provider.disconnect();
      this.update();
    });
    listenForRefusals(this.provider, (notice) => {
      const { reason, followUp, id } = notice;
      // Words the server undid stay here, to be pasted back (once: a fetch or another tab may have kept them).
      try {
        this.undoneWords = keepNotice(this.storeName, notice) ?? this.undoneWords;
      } catch {
        // This device's storage is full: the server keeps them, and the next fetch tries again.
      }
      // The server keeps them until we say we have them.
      if (id !== undefined) this.inbox.collectSoon();
      if (followUp) {
        // What we typed on into what an undo took away, before we heard of it: not another undo.
        this.update();
        return;
      }
      if (keptOnDevice(reason)) this.saves.refuse(reason);
      else {
        // Undone in the story for everyone; the undo itself arrives as an update.
        this.undone = { reason, count: (this.undone?.count ?? 0) + 1 };
        this.update();
      }
      // Our rights on the story, or its rules, changed before we heard: re-read it (once for a burst of refused keystrokes).
      const now = Date.now();
      if (now - this.refusalRereadAt < REFUSAL_REREAD_MS) return;
      this.refusalRereadAt = now;
      this.accessChanges += 1;
      this.update();
    });
    this.saves.subscribe(this.update);
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    window.addEventListener('storage', this.keptWordsChanged);
    if (!navigator.onLine) this.goOffline();

    // Which sessions that marked the copy are closed is asked before the copy is read: their
    // changes are then in what this session loads, and its save may clear their marks.
    const marking = sessionsMarking(this.storeName);
    if (marking.length === 0) this.openLocal(new Set());
    else void openSessionIds().then((open) => this.openLocal(open ? new Set(marking.filter((id) => !open.has(id))) : new Set()));
  }

  private openLocal(closedAtLoad: ReadonlySet<string>): void {
    if (this.destroyed) return;
    this.closedAtLoad = closedAtLoad;
    this.localLoadStartedAt = Date.now();
    const local = new IndexeddbPersistence(this.storeName, this.doc);
    this.local = local;
    local.on('synced', () => {
      this.localLoaded = true;
      this.update();
    });
  }

  /** Another tab kept or dismissed undone words of this story. */
  private readonly keptWordsChanged = (event: StorageEvent): void => {
    if (!isKeptWordsKey(event.key)) return;
    this.undoneWords = readKeptWords(this.storeName);
    this.update();
  };

  /** The browser knows the network is gone: say so now rather than when the socket times out, and stop retrying. */
  private readonly goOffline = (): void => {
    this.provider.disconnect();
    // The device's other tabs of this story still share edits meanwhile.
    this.provider.connectBc();
    this.update();
  };

  private readonly goOnline = (): void => {
    if (!this.fatal) this.provider.connect();
  };

  /** A socket that stopped answering: drop it (the indicator says offline at once) and dial again. */
  private readonly reconnect = (): void => {
    if (this.fatal) return;
    this.provider.disconnect();
    if (navigator.onLine) this.provider.connect();
    else this.provider.connectBc();
    this.update();
  };

  private async checkSession(): Promise<void> {
    if (this.checkingSession || this.fatal) return;
    this.checkingSession = true;
    try {
      if (!(await isSignedOut()) || this.fatal) return;
      this.fatal = { code: CloseCode.Unauthorized, message: describeCloseCode(CloseCode.Unauthorized)! };
      this.provider.disconnect();
      this.update();
    } finally {
      this.checkingSession = false;
    }
  }

  /** The shared fragment the editor binds to. */
  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(DOC_FIELD);
  }

  /** Re-render on any change of the snapshot. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /**
   * Deletes this device's copy of the story, with the changes the server refused to store (the
   * writer decided they are not wanted), and reloads the page from the server's story. Other open
   * tabs of the story still hold them: they share them again until they are closed too.
   */
  async discardRefusedChanges(): Promise<void> {
    this.provider.disconnect();
    if (this.local) await this.local.clearData();
    else await deleteLocalStore(this.storeName);
    this.clearMark();
    window.location.reload();
  }

  /** Forgets the undone words kept for this story (she pasted them back, or does not want them). */
  dismissUndoneWords(): void {
    this.undoneWords = dismissKeptWords(this.storeName, this.undoneWords);
    this.update();
  }

  destroy(): void {
    this.destroyed = true;
    this.listeners.clear();
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    window.removeEventListener('storage', this.keptWordsChanged);
    this.heartbeat.destroy();
    this.inbox.destroy();
    this.saves.destroy();
    this.provider.destroy();
    void this.local?.destroy();
    this.releaseSessionLock();
    this.doc.destroy();
  }

  private readonly update = (): void => {
    const next = this.computeSnapshot();
    const prev = this.snapshot;
    if (
      prev.socket === next.socket &&
      prev.synced === next.synced &&
      prev.ready === next.ready &&
      prev.unsaved === next.unsaved &&
      prev.refused === next.refused &&
      prev.undone === next.undone &&
      prev.undoneWords === next.undoneWords &&
      prev.failedAttempts === next.failedAttempts &&
      prev.fatal === next.fatal &&
      prev.notice === next.notice &&
      prev.accessChanges === next.accessChanges
    ) {
      return;
    }
    this.snapshot = next;
    // Cleared only by a save the server confirmed: a copy left with unsent changes by an earlier
    // visit keeps its mark until this session has sent them.
    if (prev.unsaved && !next.unsaved) this.clearMark();
    for (const listener of this.listeners) listener();
  };

  /** Everything this session holds is stored (or discarded): its mark goes, with those of sessions whose changes it loaded. */
  private clearMark(): void {
    this.markedAt = 0;
    clearUnsaved(this.storeName, this.markId, this.localLoaded ? this.localLoadStartedAt : null, this.closedAtLoad);
  }

  private computeSnapshot(): CollabSnapshot {
    const provider = this.provider;
    const socket = provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'disconnected';
    // A device copy with content is a real earlier state of the story; an empty one is not.
    const localReady = this.localLoaded && this.fragment.length > 0;
    return {
      socket,
      synced: provider.synced,
      ready: this.fatal === null && (this.everSynced || localReady),
      unsaved: this.saves.hasUnsavedChanges,
      refused: this.saves.refused,
      undone: this.undone,
      undoneWords: this.undoneWords,
      failedAttempts: this.everSynced && provider.synced ? 0 : provider.wsUnsuccessfulReconnects,
      fatal: this.fatal,
      notice: this.notice,
      accessChanges: this.accessChanges,
    };
  }
}
