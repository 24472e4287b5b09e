import { beforeEach, describe, expect, it } from 'vitest';
import {
  copiesWithKeptWords,
  dismissKeptWords,
  firstTimeNotice,
  forgetKeptWords,
  keepWords,
  MAX_KEPT_CHARS,
  MAX_KEPT_NOTICE_IDS,
  readKeptWords,
  wordsToShow,
} from './keptWords.ts';
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

  it('keeps the words of a notice once, whether it came on the socket, from the server, or to another tab', () => {
    expect(firstTimeNotice(STORY, 12)).toBe(true);
    expect(firstTimeNotice(STORY, 12)).toBe(false);
    // Another copy (another account, another story) has its own.
    expect(firstTimeNotice('copydesk-nellie-story-2', 12)).toBe(true);
    for (let id = 100; id < 100 + MAX_KEPT_NOTICE_IDS; id++) firstTimeNotice(STORY, id);
    // Only the latest ids are remembered.
    expect(firstTimeNotice(STORY, 100 + MAX_KEPT_NOTICE_IDS - 1)).toBe(false);
    expect(firstTimeNotice(STORY, 12)).toBe(true);
    // Signing out forgets them with the copy's words.
    forgetKeptWords([STORY]);
    expect(firstTimeNotice(STORY, 100 + MAX_KEPT_NOTICE_IDS - 1)).toBe(true);
    expect(firstTimeNotice('copydesk-nellie-story-2', 12)).toBe(false);
  });
});
