import type { Presence } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { AccessNoticeBus } from '../auth/AccessNotice.ts';
import type { Config } from '../config.ts';
import { CollabDocument, type CollabDocumentDeps } from './CollabDocument.ts';

/** What the registry needs: the document's dependencies plus the unload delay. */
export interface DocumentRegistryDeps extends CollabDocumentDeps {
  config: CollabDocumentDeps['config'] & Pick<Config, 'unloadDelayMs'>;
}

interface Entry {
  /** Sockets (open or still waiting for the load) holding the story in memory. */
  holders: number;
  loading: Promise<CollabDocument>;
  doc: CollabDocument | null;
  unloadTimer: NodeJS.Timeout | null;
}

const DIRTY_RETRY_MS = 1_000;

/** Why open() refused a story: the registry is closing, so the socket should hear ServerShutdown. */
export class RegistryClosingError extends Error {
  constructor() {
    super('the server is shutting down');
    this.name = 'RegistryClosingError';
  }
}

/**
 * The open stories: one CollabDocument per story in memory, loaded once however many sockets
 * open it at the same moment, unloaded once the last one leaves and everything is stored.
 */
export class DocumentRegistry {
  readonly #deps: DocumentRegistryDeps;
  readonly #entries = new Map<string, Entry>();
  #closing = false;
  #notices: AccessNoticeBus | null = null;

  constructor(deps: DocumentRegistryDeps) {
    this.#deps = deps;
    // After a relay outage every open story re-reads its log: what other servers stored meanwhile reaches its sockets.
    deps.relay?.onReconnect(() => {
      for (const [articleId, entry] of this.#entries) {
        entry.doc?.catchUp().catch((error: unknown) => this.#deps.log.warn('catching up a story after the relay came back failed', { articleId, error }));
      }
    });
  }

  /** Holds the story in memory for one more socket and resolves with it once loaded. Pair with release(). */
  open(articleId: string): Promise<CollabDocument> {
    if (this.#closing) return Promise.reject(new RegistryClosingError());
    let entry = this.#entries.get(articleId);
    if (!entry) {
      const created: Entry = { holders: 0, loading: Promise.resolve(null as never), doc: null, unloadTimer: null };
      // Loaded in a later tick, as an asynchronous store would: frames wait in their Connection meanwhile.
      created.loading = Promise.resolve().then(async () => {
        const doc = new CollabDocument(articleId, this.#deps);
        try {
          await doc.load();
        } catch (error) {
          doc.destroy();
          if (this.#entries.get(articleId) === created) this.#entries.delete(articleId);
          throw error;
        }
        created.doc = doc;
        return doc;
      });
      this.#entries.set(articleId, created);
      entry = created;
    }
    entry.holders += 1;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = null;
    }
    return entry.loading;
  }

  /** One socket no longer holds the story; the last one schedules its unload. */
  release(articleId: string): void {
    const entry = this.#entries.get(articleId);
    if (!entry || this.#closing) return;
    entry.holders = Math.max(0, entry.holders - 1);
    if (entry.holders === 0) this.#scheduleUnload(articleId, entry, this.#deps.config.unloadDelayMs);
  }

  /** The story's live document, when it is in memory. */
  loaded(articleId: string): CollabDocument | null {
    return this.#entries.get(articleId)?.doc ?? null;
  }

  /** Who is in the story right now (empty when it is not open). */
  presence(articleId: string): Presence[] {
    return this.loaded(articleId)?.presence() ?? [];
  }

  /** How many stories are in memory. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Reads a story's write rules again when it is open (after a transition or new review settings),
   * here and, once `shareRules` connected a bus, on the other servers.
   */
  refreshRules(articleId: string): Promise<void> {
    this.#notices?.publish({ kind: 'story', articleId });
    return this.loaded(articleId)?.refreshRules() ?? Promise.resolve();
  }

  /**
   * The story was deleted for good: closes its sockets with `closeCode` and drops it from memory
   * without storing, compacting or versioning anything of it again. With a bus (`shareRules`), the
   * other servers do the same.
   */
  evict(articleId: string, closeCode: number, reason: string): void {
    this.#notices?.publish({ kind: 'story_deleted', articleId });
    this.#evictHere(articleId, closeCode, reason);
  }

  #evictHere(articleId: string, closeCode: number, reason: string): void {
    const entry = this.#entries.get(articleId);
    if (!entry) return;
    this.#entries.delete(articleId);
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    const drop = (doc: CollabDocument): void => {
      for (const connection of [...doc.connections]) connection.close(closeCode, reason);
      doc.destroy();
      this.#deps.docStore.release?.(articleId);
    };
    if (entry.doc) drop(entry.doc);
    else entry.loading.then(drop, () => {});
  }

  /** With several servers: tells them of every refreshRules, and refreshes when they tell. */
  shareRules(bus: AccessNoticeBus): void {
    this.#notices = bus;
    bus.onNotice((notice) => {
      if (notice.kind === 'story_deleted') this.#evictHere(notice.articleId, CloseCode.StoryDeleted, 'story deleted');
      if (notice.kind !== 'story') return;
      this.loaded(notice.articleId)
        ?.refreshRules()
        .catch((error: unknown) => this.#deps.log.warn('refreshing a story’s rules for another server failed', { articleId: notice.articleId, error }));
    });
  }

  /**
   * Shutdown: closes every socket with `closeCode`, commits what is queued (waiting at most
   * `commitWaitMs`) and drops every story. Resolves with the ids of stories whose updates could not be stored.
   */
  async closeAll(closeCode: number, reason = 'server shutting down', commitWaitMs = 5_000): Promise<string[]> {
    this.#closing = true;
    const docs: CollabDocument[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      if (!entry.doc) continue;
      docs.push(entry.doc);
      for (const connection of [...entry.doc.connections]) connection.close(closeCode, reason);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#deps.commits.drain().catch(() => {}),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, commitWaitMs))),
    ]);
    clearTimeout(timer);
    this.#deps.commits.close();
    const failed: string[] = [];
    for (const doc of docs) {
      await doc.flushSummary();
      if (doc.dirty) failed.push(doc.articleId);
      else this.#deps.onUnload?.(doc.articleId, doc.ydoc);
      const hadLog = doc.logLength > 0 && !doc.dirty;
      doc.destroy();
      this.#compactClosed(doc.articleId, hadLog);
    }
    this.#entries.clear();
    return failed;
  }

  /**
   * A closed story's log rows are merged into its snapshot, so the log only holds rows of open
   * stories; then the store forgets what it kept for the story.
   */
  #compactClosed(articleId: string, hadLog: boolean): void {
    const store = this.#deps.docStore;
    if (hadLog) {
      store.compact(articleId).catch((error: unknown) => {
        this.#deps.log.warn('compacting a closed story failed; its rows stay in the log until it opens again', { articleId, error });
      });
    }
    store.release?.(articleId);
  }

  #scheduleUnload(articleId: string, entry: Entry, delayMs: number): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null;
      void this.#unload(articleId, entry);
    }, delayMs);
  }

  async #unload(articleId: string, entry: Entry): Promise<void> {
    let doc: CollabDocument;
    try {
      doc = await entry.loading;
    } catch {
      return;
    }
    if (entry.holders > 0 || this.#entries.get(articleId) !== entry) return;
    if (doc.dirty) {
      this.#deps.log.warn('keeping a story in memory: some updates are not stored yet', { articleId });
      this.#scheduleUnload(articleId, entry, DIRTY_RETRY_MS);
      return;
    }
    void doc.flushSummary();
    this.#entries.delete(articleId);
    this.#deps.onUnload?.(articleId, doc.ydoc);
    const hadLog = doc.logLength > 0;
    doc.destroy();
    this.#compactClosed(articleId, hadLog);
    this.#deps.log.debug('unloaded story', { articleId });
  }
}
