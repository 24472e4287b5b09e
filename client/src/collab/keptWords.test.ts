import { beforeEach, describe, expect, it } from 'vitest';
import { copiesWithKeptWords, dismissKeptWords, keepWords, MAX_KEPT_CHARS, readKeptWords, wordsToShow } from './keptWords.ts';
import { useMemoryLocalStorage } from './test/memoryStorage.ts';

const STORY = 'copydesk-nellie-story-1';

describe('words the server undid, kept on the device', () => {
  beforeEach(() => {
    useMemoryLocalStorage();
  });

  it('joins a sentence sent back in pieces, and shows it trimmed', () => {
    keepWords(STORY, [' '], false);
    keepWords(STORY, ['Crews worked t'], true);
    keepWords(STORY, ['hrough the night.', 'A second paragraph.'], true);
    expect(readKeptWords(STORY)).toEqual([' Crews worked through the night.', 'A second paragraph.']);
    expect(wordsToShow(readKeptWords(STORY))).toEqual(['Crews worked through the night.', 'A second paragraph.']);
    expect(wordsToShow([' ', ''])).toEqual([]);
  });

  it('dismissing forgets what this tab showed, not what another tab kept since', () => {
    const shown = keepWords(STORY, ['Seen in this tab.'], false);
    keepWords(STORY, ['Arrived in another tab.'], false);
    expect(dismissKeptWords(STORY, shown)).toEqual(['Arrived in another tab.']);
    expect(copiesWithKeptWords([STORY, 'copydesk-nellie-story-2'])).toEqual([STORY]);
    dismissKeptWords(STORY, ['Arrived in another tab.']);
    expect(copiesWithKeptWords([STORY])).toEqual([]);
  });

  it('keeps the latest words within its limit', () => {
    keepWords(STORY, ['old '.repeat(20_000)], false);
    const kept = keepWords(STORY, ['new '.repeat(20_000)], false);
    expect(kept).toEqual(['new '.repeat(20_000)]);
    expect(kept.join('').length).toBeLessThanOrEqual(MAX_KEPT_CHARS);
  });
});
