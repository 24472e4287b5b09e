import type { DocStore, PendingUpdate } from '../../storage/DocStore.ts';

/** The message of every refused write, as SQLite words a full disk. */
export const INJECTED_FAILURE = 'database or disk is full (injected by SwitchableDocStore)';

/**
 * The real DocStore with a switch: while `failing`, every write (appendAll, compact) rejects
 * before reaching the database, as a full disk or a lost volume would make it; reads still work.
 * Tests wrap the server's own store with it (StartOptions.wrapDocStore) and read what is really
 * stored through `inner`.
 */
export class SwitchableDocStore implements DocStore {
  /** While true, appendAll and compact reject and store nothing. */
  failing = false;
  /** appendAll calls refused while failing. */
  refusedCommits = 0;
  /** appendAll calls that reached the database and resolved. */
  storedCommits = 0;
  /** The stories of each stored appendAll, in order (a story once per commit, however many of its updates it held). */
  readonly storedBatches: string[][] = [];

  constructor(readonly inner: DocStore) {}

  load(articleId: string): ReturnType<DocStore['load']> {
    return this.inner.load(articleId);
  }

  async appendAll(updates: readonly PendingUpdate[]): Promise<void> {
    if (this.failing) {
      this.refusedCommits += 1;
      throw Object.assign(new Error(INJECTED_FAILURE), { code: 'SQLITE_FULL' });
    }
    await this.inner.appendAll(updates);
    this.storedCommits += 1;
    this.storedBatches.push([...new Set(updates.map((update) => update.articleId))]);
  }

  async compact(articleId: string): Promise<number> {
    if (this.failing) throw Object.assign(new Error(INJECTED_FAILURE), { code: 'SQLITE_FULL' });
    return this.inner.compact(articleId);
  }
}
