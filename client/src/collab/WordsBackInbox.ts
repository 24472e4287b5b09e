import { WORDS_BACK_PAGE, type WordsBackDeliveredBody, type WordsBackList, type WordsBackNotice } from '../../../shared/api.ts';
import { request } from '../api.ts';

/** Rounds of one collection at most (each lists up to a page of notices and acknowledges them). */
const MAX_ROUNDS = 10;
/** A notice arriving on the socket (its words kept already) is acknowledged this long after, with any that follow it. */
const COLLECT_DELAY_MS = 1000;

/**
 * The server keeps each notice of words a story did not keep until one of her browsers has it: a
 * socket may drop before the notice it was sent arrives, and those words are in no story. This asks
 * for them (GET /api/articles/:id/words-back) on every (re)connection and after a kept notice
 * arrives on the socket, hands each to `keep` oldest first (which keeps the words of one it has not
 * seen), then tells the server it has them (POST …/delivered), so it forgets them. Asked again while
 * it runs, it runs once more after. A failed request changes nothing: the next connection asks again.
 */
export class WordsBackInbox {
  #running = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #destroyed = false;

  constructor(
    private readonly articleId: string,
    private readonly keep: (notice: WordsBackNotice) => void,
  ) {}

  /** Collects in `delayMs` (folding the calls made meanwhile into one). */
  collectSoon(delayMs = COLLECT_DELAY_MS): void {
    if (this.#timer || this.#destroyed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.collect();
    }, delayMs);
  }

  /** Fetches, keeps and acknowledges what the server holds for her on this story. */
  async collect(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    const path = `/api/articles/${encodeURIComponent(this.articleId)}/words-back`;
    try {
      do {
        this.#again = false;
        for (let round = 0; round < MAX_ROUNDS && !this.#destroyed; round++) {
          const { notices } = await request<WordsBackList>(path);
          if (notices.length === 0 || this.#destroyed) break;
          for (const notice of notices) this.keep(notice);
          const body: WordsBackDeliveredBody = { ids: notices.map((notice) => notice.id) };
          await request<void>(`${path}/delivered`, { method: 'POST', body: JSON.stringify(body) });
          // A short list was all there was.
          if (notices.length < WORDS_BACK_PAGE) break;
        }
      } while (this.#again && !this.#destroyed);
    } catch {
      // Offline, or the server is busy: what it keeps waits for the next connection.
    } finally {
      this.#running = false;
    }
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
