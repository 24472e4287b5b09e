import type { Presence } from '../../shared/api.ts';
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

  constructor(deps: DocumentRegistryDeps) {
    this.#deps = deps;
  }

  /** Holds the story in memory for one more socket and resolves with it once loaded. Pair with release(). */
  open(articleId: string): Promise<CollabDocument> {
    if (this.#closing) return Promise.reject(new RegistryClosingError());
    let entry = this.#entries.get(articleId);
    if (!entry) {
      const created: Entry = { holders: 0, loading: Promise.resolve(null as never), doc: null, unloadTimer: null };
      // Loaded in a later tick, as an asynchronous store would: frames wait in their Connection meanwhile.
      created.loading = Promise.resolve().then(() => {
        const doc = new CollabDocument(articleId, this.#deps);
        try {
          doc.load();
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
   * Shutdown: closes every socket with `closeCode`, stores what is pending and drops every story.
   * Returns the ids of stories whose updates could not be stored.
   */
  closeAll(closeCode: number, reason = 'server shutting down'): string[] {
    this.#closing = true;
    const failed: string[] = [];
    for (const [articleId, entry] of this.#entries) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      const doc = entry.doc;
      if (!doc) continue;
      for (const connection of [...doc.connections]) connection.close(closeCode, reason);
      if (!doc.flush()) failed.push(articleId);
      else this.#deps.onUnload?.(articleId, doc.ydoc);
      doc.destroy();
    }
    this.#entries.clear();
    return failed;
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
    if (!doc.flush()) {
      this.#deps.log.warn('keeping a story in memory: some updates are not stored yet', { articleId });
      this.#scheduleUnload(articleId, entry, DIRTY_RETRY_MS);
      return;
    }
    this.#entries.delete(articleId);
    this.#deps.onUnload?.(articleId, doc.ydoc);
    doc.destroy();
    this.#deps.log.debug('unloaded story', { articleId });
  }
}
