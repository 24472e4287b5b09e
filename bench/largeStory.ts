import { countWords } from '../shared/article/countWords.ts';

/**
 * Paragraphs for a long story of `targetWords` words (as the server counts them), cut from
 * real prose (`sources`, e.g. the final texts of the editing traces): one paragraph per
 * non-empty line, sources repeated when they run out, the last paragraph trimmed so the total is exact.
 */
export function largeStoryParagraphs(targetWords: number, sources: readonly string[]): string[] {
  const lines = sources.flatMap((s) => s.split('\n').map((l) => l.trim()).filter((l) => countWords(l) > 0));
  if (lines.length === 0) throw new RangeError('No prose to build a story from');
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    const line = lines[i % lines.length]!;
    const lineWords = countWords(line);
    if (words + lineWords <= targetWords) {
      paragraphs.push(line);
      words += lineWords;
      continue;
    }
    const kept: string[] = [];
    for (const token of line.split(/\s+/)) {
      if (words === targetWords) break;
      kept.push(token);
      words += countWords(token);
    }
    paragraphs.push(kept.join(' '));
  }
  return paragraphs;
}
