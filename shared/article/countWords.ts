const WORD = /[\p{L}\p{N}]/u;

/** JavaScript's `\s`: the separators between words. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Words in a text: whitespace-separated runs that hold at least one letter or digit. One pass
 * over the text without building the runs (the story list counts every open story's words).
 */
export function countWords(text: string): number {
  let count = 0;
  let inRun = false;
  let runHasWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (runHasWord) count += 1;
      inRun = false;
      runHasWord = false;
      continue;
    }
    inRun = true;
    if (runHasWord) continue;
    if (code < 128) {
      const lower = code | 32;
      if ((code >= 48 && code <= 57) || (lower >= 97 && lower <= 122)) runHasWord = true;
      continue;
    }
    const point = text.codePointAt(i)!;
    if (WORD.test(String.fromCodePoint(point))) runHasWord = true;
    if (point > 0xffff) i += 1;
  }
  return inRun && runHasWord ? count + 1 : count;
}
