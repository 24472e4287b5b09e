import { describe, expect, it } from 'vitest';
import { LOADED_MARGIN_MS, markedNames, markingSessions, parseMarks, withMark, withoutMarks } from './unsavedMarks.ts';

const STORY = 'copydesk-nellie-story-1';

describe('unsaved marks per session of a story copy', () => {
  it('a tab’s save clears its own mark, not the mark of a tab that typed after this tab loaded the copy', () => {
    const loadedAt = 10_000;
    let marks = withMark({}, STORY, 'tab-a', loadedAt + 500);
    marks = withMark(marks, STORY, 'tab-b', loadedAt + 2_000);
    marks = withoutMarks(marks, STORY, 'tab-a', loadedAt);
    expect(marks).toEqual({ [STORY]: { 'tab-b': loadedAt + 2_000 } });
    expect(markedNames(marks)).toEqual(new Set([STORY]));
    marks = withoutMarks(marks, STORY, 'tab-b', loadedAt);
    expect(markedNames(marks)).toEqual(new Set());
  });

  it('clears marks of sessions that were set well before it loaded the copy: their changes were in it', () => {
    const loadedAt = 50_000;
    let marks = withMark({}, STORY, 'closed-tab', loadedAt - LOADED_MARGIN_MS - 1);
    marks = withMark(marks, STORY, 'recent-tab', loadedAt - LOADED_MARGIN_MS + 1);
    marks = withMark(marks, 'copydesk-nellie-story-2', 'other-story', 0);
    expect(withoutMarks(marks, STORY, 'this-tab', loadedAt)).toEqual({
      [STORY]: { 'recent-tab': loadedAt - LOADED_MARGIN_MS + 1 },
      'copydesk-nellie-story-2': { 'other-story': 0 },
    });
    // A session that has not loaded the copy yet clears only its own mark.
    expect(withoutMarks(marks, STORY, 'this-tab', null)).toEqual(marks);
  });

  it('reads the earlier list of copies as marks any save of the copy clears, and leaves out what is not a mark', () => {
    const marks = parseMarks([STORY, 3]);
    expect(markedNames(marks)).toEqual(new Set([STORY]));
    expect(withoutMarks(marks, STORY, 'tab', 10_000)).toEqual({});
    expect(parseMarks({ [STORY]: { tab: 'x', other: 5 }, empty: {}, bad: 2 })).toEqual({ [STORY]: { other: 5 } });
    expect(parseMarks(null)).toEqual({});
  });

  it('clears the marks of sessions closed before it loaded the copy, however recent', () => {
    const loadedAt = 50_000;
    let marks = withMark({}, STORY, 'reloaded-page', loadedAt - 200);
    marks = withMark(marks, STORY, 'open-tab', loadedAt - 200);
    expect(markingSessions(marks, STORY)).toEqual(['reloaded-page', 'open-tab']);
    expect(withoutMarks(marks, STORY, 'this-tab', loadedAt, new Set(['reloaded-page']))).toEqual({ [STORY]: { 'open-tab': loadedAt - 200 } });
    expect(withoutMarks(marks, STORY, 'this-tab', null, new Set(['reloaded-page']))).toEqual(marks);
  });
});
