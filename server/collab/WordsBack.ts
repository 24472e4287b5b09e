import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { writeRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { GatheredWords, type WordRun } from './GatheredWords.ts';

/** Words the story did not keep are sent back once the writer's keystrokes pause this long (ms)... */
const QUIET_MS = 400;
/** ...or this long after the first of them, whatever she types. */
const LATEST_MS = 3000;
/**
 * As many characters as this go at once: more than keystrokes, they came in bulk (a reconnecting
 * page's offline work, a paste), and a socket that drops meanwhile would take them with it.
 */
const AT_ONCE_CHARS = 32;
/** For this long after an undo (ms), what she types into deleted blocks goes back as the undo's: her page hears of it well within. */
const WATCH_MS = 10_000;

/**
 * One socket's words the story did not keep, told to its writer (the "permission denied" message of
 * y-protocols/auth). An undone edit goes back at once, with the reason and the words it took away,
 * so her page re-reads the story's rules and keeps her words. Words she typed into blocks deleted
 * before they arrived (what an undo took away, or a paragraph a colleague deleted while she typed
 * in it, offline perhaps) go back as follow-ups once her keys pause: for WATCH_MS after an undo
 * under the undo's reason, otherwise as BlockDeleted; words that came in bulk go at once. Owned by
 * the story, one per socket. Keystrokes gathered but not yet sent when the socket goes are lost
 * with it; the undo's own words never wait.
 */
export class WordsBack {
  readonly #send: (notice: string) => void;
  #words = new GatheredWords();
  /** The reason of the last undo, and of what is gathered now. */
  #reason: ChangesRefused | null = null;
  #gatheredReason: ChangesRefused = ChangesRefused.BlockDeleted;
  #refusedAt = 0;
  #firstAt = 0;
  #sentAt = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(send: (notice: string) => void) {
    this.#send = send;
  }

  /** Whether this writer's edits were undone lately: what she types into deleted blocks goes back as the undo's. */
  get watching(): boolean {
    return this.#reason !== null && Date.now() - this.#refusedAt < WATCH_MS;
  }

  /** The server undid an edit of hers for `reason`; `runs` are the words it took away. Sent now, with what was gathered before. */
  undone(reason: ChangesRefused, runs: readonly WordRun[]): void {
    this.#reason = reason;
    this.#refusedAt = Date.now();
    this.#words.add(runs);
    this.#cancelTimer();
    this.#sendNow(reason, false);
  }

  /** Words of hers the story did not keep (typed into a block deleted before they came): sent when her keys pause. */
  gather(runs: readonly WordRun[]): void {
    if (runs.length === 0) return;
    const now = Date.now();
    if (this.#words.empty) {
      this.#firstAt = now;
      this.#gatheredReason = this.watching ? this.#reason! : ChangesRefused.BlockDeleted;
      // Words of a while ago are another story: these do not go on from them.
      if (now - Math.max(this.#sentAt, this.#refusedAt) >= WATCH_MS) this.#words = new GatheredWords();
    }
    this.#words.add(runs);
    this.#cancelTimer();
    if (this.#words.chars >= AT_ONCE_CHARS) {
      this.flush();
      return;
    }
    this.#timer = setTimeout(() => this.flush(), Math.max(0, Math.min(QUIET_MS, this.#firstAt + LATEST_MS - now)));
    this.#timer.unref();
  }

  /** Sends what was gathered now, as a follow-up. */
  flush(): void {
    this.#cancelTimer();
    if (!this.#words.empty) this.#sendNow(this.#gatheredReason, true);
  }

  /** The socket is gone: nothing more is sent. */
  dispose(): void {
    this.#cancelTimer();
  }

  #sendNow(reason: ChangesRefused, followUp: boolean): void {
    this.#sentAt = Date.now();
    this.#send(writeRefusalNotice({ reason, ...this.#words.take(), followUp }));
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
