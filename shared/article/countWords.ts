const WORD = /[\p{L}\p{N}]/u;

/** Words in a text: whitespace-separated runs that hold at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) count += 1;
  return count;
}
