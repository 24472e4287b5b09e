import type { Logger } from '../log.ts';
import type { CommitMetrics } from '../metrics/CollabMetrics.ts';
import type { Attribution, AuthorshipStore } from '../storage/AuthorshipStore.ts';
import type { DocStore, PendingUpdate } from '../storage/DocStore.ts';

/** An accepted update waiting for its commit, with what to do once it is stored. */
export interface QueuedUpdate extends PendingUpdate {
  /** Runs after the commit that stored this update: relay it, answer "saved". */
  onStored(): void;
  /** Who wrote it, when it brings a client id the story has not attributed yet (or server-made ranges). */
  attribution?: Attribution;
}

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 10_000;

/**
 * The one commit queue of a server: updates accepted from every story during one turn of the event
 * loop (one task: a socket's read with every frame it brought, a timer, a request's step) are
 * committed together in one transaction (`DocStore.appendAll`) as soon as that task's own work is
 * done (a microtask), and only then is each one's `onStored` called, in order. A keystroke is
 * stored and relayed before the next socket's read is handled: it never waits for every socket
 * that was ready at the same moment, as it did when commits waited for the loop's check phase
 * (bench/README.md, sixteenth run: lower latency at every percentile, and no more CPU).
 * One commit runs at a time; what arrives meanwhile forms the next.
 * A failed commit stores nothing and calls nothing: its updates stay at the head of the queue and
 * the commit is retried with backoff, so nothing is relayed or answered as saved until it is stored.
 * The batch's attributions (rare: a client id's first update, a server change) are recorded before
 * its updates, so no stored update lacks its author; recording is idempotent, a retry is safe.
 */
export class CommitQueue {
  readonly #store: DocStore;
  readonly #log: Logger;
  readonly #metrics: CommitMetrics | null;
  readonly #authorship: AuthorshipStore | null;
  #queue: QueuedUpdate[] = [];
  #committing = false;
  #scheduled = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryDelayMs = RETRY_FIRST_MS;
  #failing = false;
  #closed = false;
  #idleWaiters: Array<() => void> = [];
  readonly #afterCommit = new Set<() => void>();

  constructor(store: DocStore, log: Logger, metrics: CommitMetrics | null = null, authorship: AuthorshipStore | null = null) {
    this.#store = store;
    this.#log = log;
    this.#metrics = metrics;
    this.#authorship = authorship;
  }

  /** Queues an accepted update; it is committed once the task that queued it has done its work. */
  push(entry: QueuedUpdate): void {
    this.#queue.push(entry);
    this.#schedule();
  }

  /**
   * Calls `listener` after each commit, once every update of it has been handled (`onStored`):
   * the collaboration endpoint lets the relayed frames go out at once. Returns how to stop.
   */
  afterEachCommit(listener: () => void): () => void {
    this.#afterCommit.add(listener);
    return () => this.#afterCommit.delete(listener);
  }

  /** How many updates wait for a commit (the one under way included). */
  get length(): number {
    return this.#queue.length + (this.#committing ? 1 : 0);
  }

  /** Whether the last commit failed (and a retry is pending). */
  get failing(): boolean {
    return this.#failing;
  }

  /**
   * Commits what is queued now and resolves once the queue is empty, or rejects with the store's
   * error when a commit fails (the updates stay queued). Used at shutdown and by unload.
   */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#committing) {
      if (this.#committing) {
        await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
        if (this.#failing) throw new Error('the update log could not be written');
        continue;
      }
      await this.#commit();
      if (this.#failing) throw new Error('the update log could not be written');
    }
  }

  /** Stops retrying; nothing queued is dropped from memory until the process ends. */
  close(): void {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #schedule(): void {
    if (this.#scheduled || this.#committing || this.#retryTimer || this.#closed) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      void this.#commit();
    });
  }

  async #commit(): Promise<void> {
    if (this.#committing || this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    this.#committing = true;
    const started = performance.now();
    try {
      const attributions = this.#authorship ? attributionsOf(batch) : null;
      if (attributions) await this.#authorship!.recordAll(attributions);
      await this.#store.appendAll(batch);
    } catch (error) {
      this.#metrics?.commitFailed();
      // Nothing of the batch is stored: it goes back to the head of the queue, in order.
      this.#queue = batch.concat(this.#queue);
      this.#committing = false;
      this.#retryDelayMs = this.#failing ? Math.min(this.#retryDelayMs * 2, RETRY_MAX_MS) : RETRY_FIRST_MS;
      this.#failing = true;
      this.#log.error('committing updates failed; nothing is relayed until they are stored, retrying', {
        updates: this.#queue.length,
        retryInMs: this.#retryDelayMs,
        error,
      });
      this.#retry();
      this.#wakeIdle();
      return;
    }
    this.#committing = false;
    this.#metrics?.committed((performance.now() - started) / 1000);
    if (this.#failing) {
      this.#failing = false;
      this.#retryDelayMs = RETRY_FIRST_MS;
      this.#log.info('the update log is writable again; stored the updates kept in memory', { updates: batch.length });
    }
    for (const entry of batch) {
      try {
        entry.onStored();
      } catch (error) {
        this.#log.error('handling a stored update failed', { articleId: entry.articleId, error });
      }
    }
    for (const listener of this.#afterCommit) {
      try {
        listener();
      } catch (error) {
        this.#log.error('handling a commit failed', { error });
      }
    }
    this.#wakeIdle();
    if (this.#queue.length > 0) this.#schedule();
  }

  #retry(): void {
    if (this.#retryTimer || this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#commit();
    }, this.#retryDelayMs);
  }

  #wakeIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** The batch's attributions, or null when it has none (a keystroke's batch: nothing is allocated for it). */
function attributionsOf(batch: readonly QueuedUpdate[]): Attribution[] | null {
  let found: Attribution[] | null = null;
  for (const entry of batch) if (entry.attribution) (found ??= []).push(entry.attribution);
  return found;
}
