import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { readRefusalNotice, type RefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { MAX_UNDONE_CHARS } from './GatheredWords.ts';
import { WordsBack } from './WordsBack.ts';

describe('WordsBack: an undone writer hears why at once, with her words, and gets what she typed on once her keys pause', () => {
  let sent: RefusalNotice[];
  let back: WordsBack;
  const paragraph = {};
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    back = new WordsBack((notice) => sent.push(readRefusalNotice(notice)));
  });
  afterEach(() => {
    back.dispose();
    vi.useRealTimers();
  });

  it('sends the undo with its words at once, then her keystrokes into the undone block joined, 400 ms after the last', () => {
    expect(back.watching).toBe(false);
    back.gather([{ block: paragraph, text: 'before any undo' }]);
    back.undone(ChangesRefused.SuggestionsRequired, [{ block: paragraph, text: ' Crews' }]);
    expect(sent).toEqual([{ reason: 'suggestions_required', words: [' Crews'], continues: false, followUp: false }]);
    expect(back.watching).toBe(true);
    for (const key of ' worked') {
      vi.advanceTimersByTime(100);
      back.gather([{ block: null, text: key }]);
    }
    vi.advanceTimersByTime(399);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    // The follow-up goes on from the run the undo sent.
    expect(sent[1]).toEqual({ reason: 'suggestions_required', words: [' worked'], continues: true, followUp: true });
    // The next undo in the same block sends what was gathered since, joined with its own words.
    back.gather([{ block: null, text: ' through' }]);
    back.undone(ChangesRefused.SuggestionsRequired, [{ block: paragraph, text: ' the' }, { block: {}, text: 'Next block.' }]);
    expect(sent[2]).toEqual({ reason: 'suggestions_required', words: [' through the', 'Next block.'], continues: true, followUp: false });
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(3);
  });

  it('sends what it has 3 s after the first words however fast she types, and stops watching 10 s after the undo', () => {
    back.undone(ChangesRefused.Schema, []);
    expect(sent).toEqual([{ reason: 'schema', words: [], continues: false, followUp: false }]);
    for (let i = 0; i < 40; i += 1) {
      back.gather([{ block: paragraph, text: 'a' }]);
      vi.advanceTimersByTime(100);
    }
    expect(sent.map((notice) => notice.words)).toEqual([[], ['a'.repeat(30)]]);
    vi.advanceTimersByTime(400);
    expect(sent.map((notice) => notice.words)).toEqual([[], ['a'.repeat(30)], ['a'.repeat(10)]]);
    expect(back.watching).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(back.watching).toBe(false);
  });

  it('bounds what one send carries, and sends nothing once the socket is gone', () => {
    back.undone(ChangesRefused.Comments, [{ block: paragraph, text: 'x'.repeat(MAX_UNDONE_CHARS + 10) }, { block: {}, text: 'more' }]);
    expect(sent[0]!.words).toEqual([`${'x'.repeat(MAX_UNDONE_CHARS)}…`]);
    back.gather([{ block: paragraph, text: 'words' }]);
    back.dispose();
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(1);
  });
});
