import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { writeRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { GatheredWords, type WordRun } from './GatheredWords.ts';

/** For this long after an undo (ms), what she types into deleted blocks goes back as the undo's: her page hears of it well within. */
const WATCH_MS = 10_000;

/**
 * One socket's words the story did not keep, told to its writer (the "permission denied" message of
 * y-protocols/auth), each as soon as the update that brought them is applied: nothing waits, so a
 * socket that drops a moment later takes none of them. An undone edit goes back with the reason and
 * the words it took away, so her page re-reads the story's rules and keeps her words. Words she
 * typed into blocks deleted before they arrived (what an undo took away, or a paragraph a colleague
 * deleted while she typed in it, offline perhaps) go back as follow-ups: for WATCH_MS after an undo
 * under the undo's reason, otherwise as BlockDeleted. Each message says whether its first run goes
 * on from the last one sent, so a sentence typed key by key into a deleted block comes back whole.
 * Owned by the story, one per socket.
 */
export class WordsBack {
  readonly #send: (notice: string) => void;
  #words = new GatheredWords();
  /** The reason of the last undo. */
  #reason: ChangesRefused | null = null;
  #refusedAt = 0;
  #sentAt = 0;

  constructor(send: (notice: string) => void) {
    this.#send = send;
  }

  /** Whether this writer's edits were undone lately: what she types into deleted blocks goes back as the undo's. */
  get watching(): boolean {
    return this.#reason !== null && Date.now() - this.#refusedAt < WATCH_MS;
  }

  /** The server undid an edit of hers for `reason`; `runs` are the words it took away. */
  undone(reason: ChangesRefused, runs: readonly WordRun[]): void {
    this.#reason = reason;
    this.#refusedAt = Date.now();
    this.#words.add(runs);
    this.#sendNow(reason, false);
  }

  /** Words of hers the story did not keep (typed into a block deleted before they came). */
  gather(runs: readonly WordRun[]): void {
    if (runs.length === 0) return;
    // Words of a while ago are another story: these do not go on from them.
    if (Date.now() - Math.max(this.#sentAt, this.#refusedAt) >= WATCH_MS) this.#words = new GatheredWords();
    const reason = this.watching ? this.#reason! : ChangesRefused.BlockDeleted;
    this.#words.add(runs);
    if (!this.#words.empty) this.#sendNow(reason, true);
  }

  #sendNow(reason: ChangesRefused, followUp: boolean): void {
    this.#sentAt = Date.now();
    this.#send(writeRefusalNotice({ reason, ...this.#words.take(), followUp }));
  }
}
