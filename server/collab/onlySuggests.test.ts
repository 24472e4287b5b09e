import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { onlySuggests, wordRuns } from './onlySuggests.ts';

const attrs = { id: 's1', authorId: 'rosa', authorName: 'Rosa', color: '#123456', createdAt: '2024-05-01T10:00:00.000Z' };
const text = (value: string, ...marks: string[]): JSONContent => (marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type, attrs })) } : { type: 'text', text: value });
const story = (...blocks: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'headline', content: [text('Budget')] }, { type: 'standfirst' }, ...blocks] });
const paragraph = (...content: JSONContent[]): JSONContent => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const figure = (src: string, caption = ''): JSONContent => ({ type: 'figure', attrs: { src, alt: '', credit: '' }, ...(caption ? { content: [text(caption)] } : {}) });

describe('onlySuggests', () => {
  const base = story(paragraph(text('Only 290 remain.')));

  const suggested = story(paragraph(text('Only '), text('290', 'suggestionDelete'), text('300', 'suggestionInsert'), text(' remain.')));

  it('passes a suggested insertion and deletion, and rejecting them', () => {
    expect(onlySuggests(base, suggested)).toBe(true);
    expect(onlySuggests(suggested, base)).toBe(true);
  });

  it('refuses accepting a suggestion, and deleting words once they are marked deleted', () => {
    expect(onlySuggests(suggested, story(paragraph(text('Only 300 remain.'))))).toBe(false);
    // Only the insertion accepted (its mark dropped), or only the struck words removed.
    expect(onlySuggests(suggested, story(paragraph(text('Only '), text('290', 'suggestionDelete'), text('300 remain.'))))).toBe(false);
    expect(onlySuggests(suggested, story(paragraph(text('Only '), text('300', 'suggestionInsert'), text(' remain.'))))).toBe(false);
  });

  it('checks the author only when given one', () => {
    expect(onlySuggests(base, suggested, { username: 'rosa', displayName: 'Rosa' })).toBe(true);
    expect(onlySuggests(base, suggested, { username: 'edna', displayName: 'Edna' })).toBe(false);
  });

  it('refuses plain typing, a plain deletion and a plain figure, even one without a caption', () => {
    expect(onlySuggests(base, story(paragraph(text('Only 300 remain.'))))).toBe(false);
    expect(onlySuggests(base, story(paragraph(text('Only remain.'))))).toBe(false);
    expect(onlySuggests(base, story(paragraph(text('Only 290 remain.')), figure('https://example.com/a.jpg')))).toBe(false);
    expect(onlySuggests(base, story(paragraph(text('Only 290 remain.')), { type: 'horizontalRule' }))).toBe(false);
  });

  it('lets paragraphs split and join and empty paragraphs come and go, as suggesting mode applies them for real', () => {
    expect(onlySuggests(base, story(paragraph(text('Only 290 ')), paragraph(text('remain.'))))).toBe(true);
    expect(onlySuggests(base, story(paragraph(text('Only 290 remain.')), paragraph()))).toBe(true);
    expect(onlySuggests(base, story(paragraph(text('Only 290 '), { type: 'hardBreak' }, text('remain.'))))).toBe(true);
  });

  it('reads figures and READ MORE links with their attributes', () => {
    const withFigure = story(paragraph(text('Only 290 remain.')), figure('https://example.com/a.jpg', 'Crowds'));
    expect(wordRuns(withFigure).some((run) => run.includes('example.com/a.jpg') && run.startsWith('n:'))).toBe(true);
    expect(onlySuggests(withFigure, story(paragraph(text('Only 290 remain.')), figure('https://example.com/b.jpg', 'Crowds')))).toBe(false);
    const withSuggestedFigure = story(paragraph(text('Only 290 remain.')), { ...figure('https://example.com/c.jpg'), attrs: { src: 'https://example.com/c.jpg', alt: '', credit: '', suggestion: { kind: 'insert', ...attrs } } });
    expect(onlySuggests(base, withSuggestedFigure)).toBe(true);
    // Accepting it (the attribute dropped) puts a figure in the story.
    expect(onlySuggests(withSuggestedFigure, story(paragraph(text('Only 290 remain.')), figure('https://example.com/c.jpg')))).toBe(false);
  });
});
