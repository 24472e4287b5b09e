import type { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { writeRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { GatheredWords, type WordRun } from './GatheredWords.ts';

/** Words typed into undone blocks are sent back once the writer's keystrokes pause this long (ms)... */
const QUIET_MS = 400;
/** ...or this long after the first of them, whatever she types. */
const LATEST_MS = 3000;
/** After an undo, what the writer types into deleted blocks is watched for this long (ms): her page hears of the undo well within. */
const WATCH_MS = 10_000;

/**
 * One socket's undone edits, told to its writer (the "permission denied" message of y-protocols/auth):
 * each undo at once, with the reason and the words it took away, so her page re-reads the story's
 * rules and keeps her words; then, as follow-ups once her keys pause, what she typed on into deleted
 * blocks before her page heard. Owned by the story, one per socket. Words gathered but not yet sent
 * when the socket goes are lost with it; the undo's own words never wait.
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

  /** The server undid an edit of hers for `reason`; `runs` are the words it took away. Sent now, with what was gathered before. */
  undone(reason: ChangesRefused, runs: readonly WordRun[]): void {
    this.#reason = reason;
    this.#refusedAt = Date.now();
    this.#words.add(runs);
    this.#cancelTimer();
    this.#send(writeRefusalNotice({ reason, ...this.#words.take(), followUp: false }));
  }

  /** Words of hers the story did not keep (typed into a block deleted before they came): sent when her keys pause. */
  gather(runs: readonly WordRun[]): void {
    if (runs.length === 0 || this.#reason === null) return;
    const now = Date.now();
    if (this.#words.empty) this.#firstAt = now;
    this.#words.add(runs);
    this.#cancelTimer();
    this.#timer = setTimeout(() => this.flush(), Math.max(0, Math.min(QUIET_MS, this.#firstAt + LATEST_MS - now)));
    this.#timer.unref();
  }

  /** Sends what was gathered now, as a follow-up of the last undo. */
  flush(): void {
    this.#cancelTimer();
    if (this.#words.empty || this.#reason === null) return;
    this.#send(writeRefusalNotice({ reason: this.#reason, ...this.#words.take(), followUp: true }));
  }

  /** The socket is gone: nothing more is sent. */
  dispose(): void {
    this.#cancelTimer();
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
