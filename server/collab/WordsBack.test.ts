import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { readRefusalNotice, type RefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { MAX_UNDONE_CHARS } from './GatheredWords.ts';
import { WordsBack } from './WordsBack.ts';

describe('WordsBack: a writer gets back the words the story did not keep, an undo at once and with its reason, the rest once her keys pause', () => {
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

  it('words typed into a paragraph a colleague deleted go back as block_deleted, joined while she types, not joined to words of long ago', () => {
    for (const key of 'Roads') {
      back.gather([{ block: null, text: key }]);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([{ reason: 'block_deleted', words: ['Roads'], continues: false, followUp: true }]);
    back.gather([{ block: null, text: ' reopened' }]);
    vi.advanceTimersByTime(400);
    expect(sent[1]).toEqual({ reason: 'block_deleted', words: [' reopened'], continues: true, followUp: true });
    vi.advanceTimersByTime(10_000);
    back.gather([{ block: null, text: 'Later.' }]);
    vi.advanceTimersByTime(400);
    expect(sent[2]).toEqual({ reason: 'block_deleted', words: ['Later.'], continues: false, followUp: true });
    // Within 10 s of an undo they are the undo's; after, a colleague's deletion again.
    back.undone(ChangesRefused.SuggestionsRequired, []);
    back.gather([{ block: paragraph, text: 'typed on' }]);
    vi.advanceTimersByTime(400);
    expect(sent[4]).toEqual({ reason: 'suggestions_required', words: ['typed on'], continues: false, followUp: true });
    vi.advanceTimersByTime(10_000);
    back.gather([{ block: paragraph, text: 'much later' }]);
    vi.advanceTimersByTime(400);
    expect(sent[5]).toEqual({ reason: 'block_deleted', words: ['much later'], continues: false, followUp: true });
  });

  it('words that came in bulk (a reconnecting page, a paste) go at once, joined to what her keys typed before', () => {
    back.gather([{ block: null, text: 'Ro' }]);
    back.gather([{ block: null, text: 'ads reopened at dawn after a night of work.' }]);
    expect(sent).toEqual([{ reason: 'block_deleted', words: ['Roads reopened at dawn after a night of work.'], continues: false, followUp: true }]);
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(1);
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
