/** At most this many characters of undone words go back to the writer at once (the rest is cut, marked with …). */
export const MAX_UNDONE_CHARS = 20_000;

/** A run of words in one block of the story (the Yjs type holding the text), or, null, going on from the last run. */
export interface WordRun {
  block: object | null;
  text: string;
}

/**
 * Words of one writer's that the server undid, gathered over her keystrokes until they are sent
 * back to her: runs in the same block join up in the order they came, so a sentence typed key by
 * key comes back as one sentence, not as letters. A run of no known block goes on from the last one.
 */
export class GatheredWords {
  readonly #runs = new Map<object, string>();
  #last: object | null = null;

  get empty(): boolean {
    return this.#runs.size === 0;
  }

  add(runs: readonly WordRun[]): void {
    for (const { block, text } of runs) {
      const key = block ?? this.#last ?? {};
      this.#runs.set(key, (this.#runs.get(key) ?? '') + text);
      this.#last = key;
    }
  }

  /** The gathered words, one string per block (trimmed, empty ones left out, cut at `maxChars`); empties the buffer. */
  take(maxChars = MAX_UNDONE_CHARS): string[] {
    const kept: string[] = [];
    let left = maxChars;
    for (const run of this.#runs.values()) {
      const words = run.trim();
      if (words === '') continue;
      if (words.length > left) {
        kept.push(`${words.slice(0, left)}…`);
        break;
      }
      kept.push(words);
      left -= words.length;
    }
    this.#runs.clear();
    this.#last = null;
    return kept;
  }
}
