/** At most this many characters of undone words are gathered for a writer between two sends (the rest is cut, marked with …). */
export const MAX_UNDONE_CHARS = 20_000;

/** A run of words in one block of the story (the Yjs type holding the text), or, null, going on from the last run. */
export interface WordRun {
  block: object | null;
  text: string;
}

/** What is sent: the runs as typed (spaces kept), and whether the first goes on from the last run sent before. */
export interface TakenWords {
  words: string[];
  continues: boolean;
}

/**
 * Words of one writer's that the story did not keep, gathered until they are sent back to her: runs
 * in the same block join up in the order they came, and a run of no known block goes on from the
 * last one. Across sends, `continues` says the first run goes on from the last one sent, so a
 * sentence typed key by key comes back as one sentence, not as letters. Bounded: MAX_UNDONE_CHARS
 * between two sends.
 */
export class GatheredWords {
  readonly #runs = new Map<object, string>();
  #chars = 0;
  #cut = false;
  /** The block of the last run gathered, and of the last run sent. */
  #last: object | null = null;
  #lastSent: object | null = null;

  get empty(): boolean {
    return this.#runs.size === 0;
  }

  add(runs: readonly WordRun[]): void {
    for (const { block, text } of runs) {
      const room = MAX_UNDONE_CHARS - this.#chars;
      if (room <= 0 || text === '') {
        this.#cut ||= room <= 0 && text !== '';
        continue;
      }
      const kept = text.length > room ? `${text.slice(0, room)}…` : text;
      this.#cut ||= kept !== text;
      const key = block ?? this.#last ?? {};
      this.#runs.set(key, (this.#runs.get(key) ?? '') + kept);
      this.#chars += kept.length;
      this.#last = key;
    }
  }

  /** The gathered runs, one per block; empties the buffer. */
  take(): TakenWords {
    const entries = [...this.#runs];
    const continues = entries.length > 0 && entries[0]![0] === this.#lastSent;
    if (entries.length > 0) this.#lastSent = entries.at(-1)![0];
    const words = entries.map(([, text]) => text);
    if (this.#cut && words.length > 0 && !words.at(-1)!.endsWith('…')) words[words.length - 1] += '…';
    this.#runs.clear();
    this.#chars = 0;
    this.#cut = false;
    return { words, continues };
  }
}
