import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { withNoticeId, writeRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { GatheredWords, type WordRun } from './GatheredWords.ts';

/** For this long after an undo (ms), what she types into deleted blocks goes back as the undo's: her page hears of it well within. */
const WATCH_MS = 10_000;
/** A notice neither kept nor delivered is kept again after 1 s, then twice as long each time, at most every minute. */
const KEEP_AGAIN_FIRST_MS = 1_000;
const KEEP_AGAIN_MAX_MS = 60_000;

/**
 * One socket's words the story did not keep, told to its writer (the "permission denied" message of
 * y-protocols/auth), each as soon as the update that brought them is applied: nothing waits, so a
 * socket that drops a moment later takes none of them. An undone edit goes back with the reason and
 * the words it took away, so her page re-reads the story's rules and keeps her words. Words she
 * typed into blocks deleted before they arrived (what an undo took away, or a paragraph a colleague
 * deleted while she typed in it, offline perhaps) go back as follow-ups: for WATCH_MS after an undo
 * under the undo's reason, otherwise as BlockDeleted. Each message says whether its first run goes
 * on from the last one sent, so a sentence typed key by key into a deleted block comes back whole.
 * Each notice is first kept for its writer (`keep`, the WordsBackStore), then sent with the id it
 * was kept under: should the socket drop before it arrives, her browser fetches it on reconnecting.
 * Notices leave in the order they were made. One the database could not keep is sent all the same;
 * when it could not be sent either (the socket had closed), keeping it is tried again in the
 * background until the database takes it, so her browser finds it when she is back.
 * Owned by the story, one per socket.
 */
export class WordsBack {
  readonly #send: (notice: string) => boolean | void;
  readonly #keep: ((notice: string) => Promise<number>) | null;
  /** The notices kept and sent so far: each waits for the one before. */
  #sending: Promise<void> = Promise.resolve();
  #words = new GatheredWords();
  /** The reason of the last undo. */
  #reason: ChangesRefused | null = null;
  #refusedAt = 0;
  #sentAt = 0;

  /**
   * `send` writes a notice to the socket and answers false when it could not (the socket is closed);
   * `keep` stores a notice for its writer and returns its id; it may fail (the notice is sent without one).
   */
  constructor(send: (notice: string) => boolean | void, keep: ((notice: string) => Promise<number>) | null = null) {
    this.#send = send;
    this.#keep = keep;
  }

  /** Resolves once every notice made so far has been kept (or failed to be) and sent. */
  get settled(): Promise<void> {
    return this.#sending;
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
    const taken = this.#words.take();
    const notice = writeRefusalNotice({ reason, ...taken, followUp });
    if (!this.#keep) {
      this.#send(notice);
      return;
    }
    // A bare reason has no words to keep; it still waits its turn.
    const keep = taken.words.length > 0 || followUp ? this.#keep : null;
    this.#sending = this.#sending.then(async () => {
      let id: number | null = null;
      if (keep) id = await keep(notice).catch(() => null);
      let delivered = false;
      try {
        delivered = this.#send(id === null ? notice : withNoticeId(notice, id)) !== false;
      } catch {
        // A socket that cannot be written to is closing; the kept notice waits for her next one.
      }
      // Neither kept nor delivered: the database must take it, or her words are gone.
      if (keep && id === null && !delivered) keepUntilKept(keep, notice, KEEP_AGAIN_FIRST_MS);
    });
  }
}

function keepUntilKept(keep: (notice: string) => Promise<number>, notice: string, waitMs: number): void {
  setTimeout(() => {
    keep(notice).catch(() => keepUntilKept(keep, notice, Math.min(waitMs * 2, KEEP_AGAIN_MAX_MS)));
  }, waitMs).unref();
}
