import { describe, expect, it } from 'vitest';
import { checkDeskLimits } from '../../../shared/deskLimits.ts';
import { charLevel, wordLevel } from './budgetLevel.ts';

const story = (headline: string, body: string) => ({
  meta: { byline: '', slug: '', section: '', tags: [] },
  doc: {
    type: 'doc',
    content: [
      { type: 'headline', content: headline ? [{ type: 'text', text: headline }] : [] },
      { type: 'standfirst', content: [] },
      { type: 'paragraph', content: body ? [{ type: 'text', text: body }] : [] },
    ],
  },
});

describe('budget levels', () => {
  it('colours a headline by its characters against the limit', () => {
    const limits = { headlineChars: 10, standfirstChars: 250, bodyWords: null };
    expect(charLevel(checkDeskLimits(story('Short', ''), limits).headline)).toBe('ok');
    expect(charLevel(checkDeskLimits(story('Nine char', ''), limits).headline)).toBe('near');
    expect(charLevel(checkDeskLimits(story('Exactly 10', ''), limits).headline)).toBe('near');
    expect(charLevel(checkDeskLimits(story('Eleven char', ''), limits).headline)).toBe('over');
  });

  it('colours the body by words against the assigned length, and not at all without one', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const limits = (bodyWords: number | null) => ({ headlineChars: 90, standfirstChars: 250, bodyWords });
    expect(wordLevel(checkDeskLimits(story('H', words(10)), limits(10)).body)).toBe('ok');
    expect(wordLevel(checkDeskLimits(story('H', words(11)), limits(10)).body)).toBe('near');
    expect(wordLevel(checkDeskLimits(story('H', words(12)), limits(10)).body)).toBe('over');
    expect(wordLevel(checkDeskLimits(story('H', words(500)), limits(null)).body)).toBe('ok');
  });
});
