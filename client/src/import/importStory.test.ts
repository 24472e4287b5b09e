import { describe, expect, it } from 'vitest';
import { guessImportFormat } from './importStory.ts';

describe('guessImportFormat', () => {
  it('goes by the file name when there is one', () => {
    expect(guessImportFormat('<p>x</p>', 'story.txt')).toBe('text');
    expect(guessImportFormat('Headline', 'story.HTM')).toBe('html');
  });

  it('recognizes pasted markup and leaves prose as text', () => {
    expect(guessImportFormat('<!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(guessImportFormat('  <p>First</p>')).toBe('html');
    expect(guessImportFormat('Budget <b>passes</b>\n\nThe council…')).toBe('text');
    expect(guessImportFormat('5 < 6 and <3 hearts')).toBe('text');
  });
});
