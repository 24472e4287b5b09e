import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { readRefusalNotice, type RefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { WordsBack } from './WordsBack.ts';

describe('WordsBack: an undone writer hears why at once, and gets her words once her keys pause', () => {
  let sent: RefusalNotice[];
  let back: WordsBack;
  const block = {};
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    back = new WordsBack((notice) => sent.push(readRefusalNotice(notice)));
  });
  afterEach(() => {
    back.dispose();
    vi.useRealTimers();
  });

  it('sends the reason at once and the words of her keystrokes joined, 400 ms after the last', () => {
    expect(back.watching).toBe(false);
    back.gather([{ block, text: 'before any undo' }]);
    back.undone(ChangesRefused.SuggestionsRequired, [{ block, text: ' Crews' }]);
    expect(sent).toEqual([{ reason: 'suggestions_required', words: [] }]);
    expect(back.watching).toBe(true);
    for (const key of ' worked') {
      vi.advanceTimersByTime(100);
      back.gather([{ block: null, text: key }]);
    }
    vi.advanceTimersByTime(399);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      { reason: 'suggestions_required', words: [] },
      { reason: 'suggestions_required', words: ['Crews worked'] },
    ]);
  });

  it('sends what it has 3 s after the first words however fast she types, and stops watching 10 s after the undo', () => {
    back.undone(ChangesRefused.Schema, []);
    for (let i = 0; i < 40; i += 1) {
      back.gather([{ block, text: 'a' }]);
      vi.advanceTimersByTime(100);
    }
    expect(sent.map((notice) => notice.words)).toEqual([[], ['a'.repeat(30)]]);
    vi.advanceTimersByTime(400);
    expect(sent.map((notice) => notice.words)).toEqual([[], ['a'.repeat(30)], ['a'.repeat(10)]]);
    expect(back.watching).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(back.watching).toBe(false);
  });

  it('sends nothing once the socket is gone', () => {
    back.undone(ChangesRefused.Comments, [{ block, text: 'words' }]);
    back.dispose();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([{ reason: 'comments', words: [] }]);
  });
});
