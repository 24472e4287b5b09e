import { beforeEach, describe, expect, it, vi, afterEach } from 'vitest';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { readRefusalNotice, type RefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { MAX_UNDONE_CHARS } from './GatheredWords.ts';
import { WordsBack } from './WordsBack.ts';

describe('WordsBack: a writer gets back the words the story did not keep, as soon as they arrive', () => {
  let sent: RefusalNotice[];
  let back: WordsBack;
  const paragraph = {};
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    back = new WordsBack((notice) => void sent.push(readRefusalNotice(notice)));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends an undo with its words, then each keystroke into the undone block as a follow-up going on from them', () => {
    expect(back.watching).toBe(false);
    back.undone(ChangesRefused.SuggestionsRequired, [{ block: paragraph, text: ' Crews' }]);
    expect(sent).toEqual([{ reason: 'suggestions_required', words: [' Crews'], continues: false, followUp: false }]);
    expect(back.watching).toBe(true);
    for (const key of ' wo') {
      vi.advanceTimersByTime(100);
      back.gather([{ block: null, text: key }]);
    }
    expect(sent.slice(1)).toEqual([' ', 'w', 'o'].map((key) => ({ reason: 'suggestions_required', words: [key], continues: true, followUp: true })));
    // The next undo in the same block goes on too; a run in another block starts its own.
    back.undone(ChangesRefused.SuggestionsRequired, [{ block: paragraph, text: ' the' }, { block: {}, text: 'Next block.' }]);
    expect(sent[4]).toEqual({ reason: 'suggestions_required', words: [' the', 'Next block.'], continues: true, followUp: false });
    back.gather([]);
    expect(sent).toHaveLength(5);
  });

  it('words typed into a paragraph a colleague deleted go back as block_deleted, not joined to words of long ago', () => {
    back.gather([{ block: null, text: 'Roads' }]);
    expect(sent).toEqual([{ reason: 'block_deleted', words: ['Roads'], continues: false, followUp: true }]);
    vi.advanceTimersByTime(9_000);
    back.gather([{ block: null, text: ' reopened' }]);
    expect(sent[1]).toEqual({ reason: 'block_deleted', words: [' reopened'], continues: true, followUp: true });
    vi.advanceTimersByTime(10_000);
    back.gather([{ block: null, text: 'Later.' }]);
    expect(sent[2]).toEqual({ reason: 'block_deleted', words: ['Later.'], continues: false, followUp: true });
    // Within 10 s of an undo they are the undo's; after, a colleague's deletion again.
    back.undone(ChangesRefused.Schema, []);
    expect(sent[3]).toEqual({ reason: 'schema', words: [], continues: false, followUp: false });
    vi.advanceTimersByTime(9_999);
    back.gather([{ block: paragraph, text: 'typed on' }]);
    expect(sent[4]).toEqual({ reason: 'schema', words: ['typed on'], continues: false, followUp: true });
    vi.advanceTimersByTime(1);
    expect(back.watching).toBe(false);
    back.gather([{ block: paragraph, text: ' and on' }]);
    expect(sent[5]).toEqual({ reason: 'block_deleted', words: [' and on'], continues: true, followUp: true });
  });

  it('bounds what one send carries', () => {
    back.undone(ChangesRefused.Comments, [{ block: paragraph, text: 'x'.repeat(MAX_UNDONE_CHARS + 10) }, { block: {}, text: 'more' }]);
    expect(sent[0]!.words).toEqual([`${'x'.repeat(MAX_UNDONE_CHARS)}…`]);
    back.gather([{ block: paragraph, text: 'words' }]);
    expect(sent[1]).toEqual({ reason: 'comments', words: ['words'], continues: true, followUp: true });
  });
});

describe('WordsBack: each notice with words is kept for its writer before it is sent', () => {
  it('sends notices with the ids they were kept under, in the order they were made, however slowly each is kept', async () => {
    const sent: RefusalNotice[] = [];
    const kept: string[] = [];
    let nextId = 40;
    // The first notice is kept last: the second waits for it.
    const delays = [30, 0, 5];
    const back = new WordsBack(
      (notice) => void sent.push(readRefusalNotice(notice)),
      async (notice) => {
        const delay = delays[kept.length] ?? 0;
        kept.push(notice);
        const id = ++nextId;
        await new Promise((resolve) => setTimeout(resolve, delay));
        return id;
      },
    );
    back.undone(ChangesRefused.SuggestionsRequired, [{ block: {}, text: 'Crews' }]);
    back.gather([{ block: null, text: ' worked' }]);
    // A bare reason has no words to keep, and still waits its turn.
    back.undone(ChangesRefused.Schema, []);
    back.gather([{ block: null, text: ' on' }]);
    expect(sent).toEqual([]);
    await back.settled;
    expect(kept.map((notice) => readRefusalNotice(notice).words)).toEqual([['Crews'], [' worked'], [' on']]);
    expect(sent).toEqual([
      { reason: 'suggestions_required', words: ['Crews'], continues: false, followUp: false, id: 41 },
      { reason: 'suggestions_required', words: [' worked'], continues: true, followUp: true, id: 42 },
      { reason: 'schema', words: [], continues: false, followUp: false },
      { reason: 'schema', words: [' on'], continues: true, followUp: true, id: 43 },
    ]);
  });

  it('sends a notice the database could not keep without an id, and goes on with the next', async () => {
    const sent: RefusalNotice[] = [];
    let calls = 0;
    const back = new WordsBack(
      (notice) => void sent.push(readRefusalNotice(notice)),
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
        return 7;
      },
    );
    back.undone(ChangesRefused.Comments, [{ block: {}, text: 'First' }]);
    back.undone(ChangesRefused.Comments, [{ block: {}, text: 'Second' }]);
    await back.settled;
    expect(sent).toEqual([
      { reason: 'comments', words: ['First'], continues: false, followUp: false },
      { reason: 'comments', words: ['Second'], continues: false, followUp: false, id: 7 },
    ]);
  });

  it('keeps trying to keep a notice it could neither keep nor send, until the database takes it', async () => {
    vi.useFakeTimers();
    try {
      const attempts: string[] = [];
      let failures = 3;
      const back = new WordsBack(
        // The socket closed before the notice could go.
        () => false,
        async (notice) => {
          attempts.push(notice);
          if (failures-- > 0) throw new Error('database is locked');
          return 9;
        },
      );
      back.undone(ChangesRefused.Comments, [{ block: {}, text: 'Lost for now' }]);
      await back.settled;
      expect(attempts).toHaveLength(1);
      // Then after 1 s, 2 s and 4 s: kept on the fourth try, and never again.
      for (const waitMs of [1_000, 2_000, 4_000]) await vi.advanceTimersByTimeAsync(waitMs);
      expect(attempts).toHaveLength(4);
      expect(new Set(attempts).size).toBe(1);
      expect(readRefusalNotice(attempts[0]!).words).toEqual(['Lost for now']);
      await vi.advanceTimersByTimeAsync(600_000);
      expect(attempts).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep again a notice its socket received', async () => {
    vi.useFakeTimers();
    try {
      const received: RefusalNotice[] = [];
      let attempts = 0;
      const back = new WordsBack(
        (notice) => {
          received.push(readRefusalNotice(notice));
          return true;
        },
        async () => {
          attempts += 1;
          throw new Error('disk full');
        },
      );
      back.undone(ChangesRefused.Comments, [{ block: {}, text: 'Seen live' }]);
      await back.settled;
      await vi.advanceTimersByTimeAsync(600_000);
      expect(attempts).toBe(1);
      expect(received.map((notice) => notice.words)).toEqual([['Seen live']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
