import { beforeEach, describe, expect, it } from 'vitest';
import {
  copiesWithKeptWords,
  dismissKeptWords,
  forgetKeptWords,
  keepNotice,
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
    expect(keepNotice(STORY, { id: 12, words: ['Crews'], continues: false })).toEqual(['Crews']);
    expect(keepNotice(STORY, { id: 12, words: ['Crews'], continues: false })).toBeNull();
    // A notice the server could not keep has no id: kept each time it comes.
    expect(keepNotice(STORY, { words: [' worked'], continues: true })).toEqual(['Crews worked']);
    expect(keepNotice(STORY, { id: 13, words: [], continues: false })).toBeNull();
    // Another copy (another account, another story) has its own.
    expect(keepNotice('copydesk-nellie-story-2', { id: 12, words: ['Other'], continues: false })).toEqual(['Other']);
    for (let id = 100; id < 100 + MAX_KEPT_NOTICE_IDS; id++) keepNotice(STORY, { id, words: ['x'], continues: false });
    // Only the latest ids are remembered.
    expect(keepNotice(STORY, { id: 100 + MAX_KEPT_NOTICE_IDS - 1, words: ['x'], continues: false })).toBeNull();
    expect(keepNotice(STORY, { id: 12, words: ['Again'], continues: false })).not.toBeNull();
    // Signing out forgets them with the copy's words.
    forgetKeptWords([STORY]);
    expect(keepNotice(STORY, { id: 100 + MAX_KEPT_NOTICE_IDS - 1, words: ['y'], continues: false })).toEqual(['y']);
    expect(keepNotice('copydesk-nellie-story-2', { id: 12, words: ['Other'], continues: false })).toBeNull();
  });

  it('notes a notice as kept only once its words are stored', () => {
    const setItem = localStorage.setItem.bind(localStorage);
    localStorage.setItem = (key: string, value: string) => {
      if (key === 'copydesk-undone-words') throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    expect(() => keepNotice(STORY, { id: 7, words: ['Lost?'], continues: false })).toThrow('full');
    localStorage.setItem = setItem;
    expect(keepNotice(STORY, { id: 7, words: ['Not lost.'], continues: false })).toEqual(['Not lost.']);
  });
});
