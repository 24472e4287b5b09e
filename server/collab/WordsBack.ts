import type { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { writeRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { GatheredWords, type WordRun } from './GatheredWords.ts';

/** Words gathered are sent back once the writer's keystrokes pause this long (ms)... */
const QUIET_MS = 400;
/** ...or this long after the first of them, whatever she types. */
const LATEST_MS = 3000;
/** After an undo, what the writer types into undone blocks is watched for this long (ms): her page hears of it well within. */
const WATCH_MS = 10_000;

/**
 * One socket's undone edits, told to its writer (the "permission denied" message of y-protocols/auth):
 * the reason at once, so her page re-reads the story's rules; then the words the story did not keep,
 * gathered over her keystrokes (the undone update's own, and what she typed on into the undone block
 * before her page heard), so she can paste them back. Owned by the story, one per socket.
 */
export class WordsBack {
  readonly #send: (notice: string) => void;
  readonly #words = new GatheredWords();
  #reason: ChangesRefused | null = null;
  #refusedAt = 0;
  #firstAt = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(send: (notice: string) => void) {
    this.#send = send;
  }

  /** Whether this writer's edits were undone lately: what she types into deleted blocks is hers to get back. */
  get watching(): boolean {
    return this.#reason !== null && Date.now() - this.#refusedAt < WATCH_MS;
  }

  /** The server undid an edit of hers for `reason`; `runs` are the words it took away. */
  undone(reason: ChangesRefused, runs: readonly WordRun[]): void {
    this.#reason = reason;
    this.#refusedAt = Date.now();
    this.#send(writeRefusalNotice({ reason, words: [] }));
    this.gather(runs);
  }

  /** Words of hers the story did not keep (typed into a block the server had undone). */
  gather(runs: readonly WordRun[]): void {
    if (runs.length === 0 || this.#reason === null) return;
    const now = Date.now();
    if (this.#words.empty) this.#firstAt = now;
    this.#words.add(runs);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), Math.max(0, Math.min(QUIET_MS, this.#firstAt + LATEST_MS - now)));
    this.#timer.unref();
  }

  /** Sends what was gathered now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#words.empty || this.#reason === null) return;
    this.#send(writeRefusalNotice({ reason: this.#reason, words: this.#words.take() }));
  }

  /** The socket is gone: nothing more is sent. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
