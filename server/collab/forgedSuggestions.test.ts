import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { forgedSuggestions } from './forgedSuggestions.ts';

const rosa = { username: 'rosa', displayName: 'Rosa Reporter' };
const by = (authorId: string, authorName: string, id: string) => ({ id, authorId, authorName, color: '#2471a3', createdAt: '2024-05-01T10:00:00.000Z' });
const rosas = (id: string) => by('rosa', 'Rosa Reporter', id);
const ednas = (id: string) => by('edna', 'Edna Editor', id);
type Attrs = ReturnType<typeof by>;
const text = (value: string, ...marks: Array<[string, Attrs]>): JSONContent =>
  marks.length ? { type: 'text', text: value, marks: marks.map(([type, attrs]) => ({ type, attrs })) } : { type: 'text', text: value };
const story = (...inline: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'headline', content: [text('Budget')] }, { type: 'standfirst' }, { type: 'paragraph', content: inline }] });
const withBlock = (doc: JSONContent, suggestion: Record<string, unknown>, src = 'https://example.com/a.jpg'): JSONContent => ({
  ...doc,
  content: [...doc.content!, { type: 'figure', attrs: { src, alt: '', credit: '', suggestion } }],
});

describe('forgedSuggestions', () => {
  const base = story(text('Only 290 remain.'));
  const ednaInserts = story(text('Only '), text('300', ['suggestionInsert', ednas('e1')]), text(' remain.'));

  it('passes the sender’s own new suggestions, with or without a name, and leaves others’ untouched ones alone', () => {
    expect(forgedSuggestions(base, story(text('Only '), text('290', ['suggestionDelete', rosas('r1')]), text(' remain.')), rosa)).toEqual([]);
    expect(forgedSuggestions(base, story(text('Only 290 '), text('still ', ['suggestionInsert', by('rosa', '', 'r2')]), text('remain.')), rosa)).toEqual([]);
    const both = story(text('Only '), text('300', ['suggestionInsert', ednas('e1')]), text(' remain'), text(' here', ['suggestionInsert', rosas('r3')]), text('.'));
    expect(forgedSuggestions(ednaInserts, both, rosa)).toEqual([]);
    expect(forgedSuggestions(base, withBlock(base, { ...rosas('r4'), kind: 'insert' }), rosa)).toEqual([]);
  });

  it('refuses a new suggestion in someone else’s id or name', () => {
    expect(forgedSuggestions(base, story(text('Only 290 '), text('still ', ['suggestionInsert', ednas('x1')]), text('remain.')), rosa)).toEqual(['x1']);
    expect(forgedSuggestions(base, story(text('Only 290 '), text('still ', ['suggestionInsert', by('rosa', 'Edna Editor', 'x2')]), text('remain.')), rosa)).toEqual(['x2']);
    expect(forgedSuggestions(base, withBlock(base, { ...ednas('x3'), kind: 'insert' }), rosa)).toEqual(['x3']);
    expect(forgedSuggestions(base, story(text('Only 290 '), text('remain', ['suggestionFormat', { ...ednas('x4'), before: [] } as Attrs]), text('.')), rosa)).toEqual(['x4']);
  });

  it('refuses changing someone else’s suggestion: its attributes, or the text or block it covers', () => {
    const renamed = story(text('Only '), text('300', ['suggestionInsert', { ...ednas('e1'), createdAt: '2020-01-01T00:00:00.000Z' }]), text(' remain.'));
    expect(forgedSuggestions(ednaInserts, renamed, rosa)).toEqual(['e1']);
    const grown = story(text('Only '), text('300 or 310', ['suggestionInsert', ednas('e1')]), text(' remain.'));
    expect(forgedSuggestions(ednaInserts, grown, rosa)).toEqual(['e1']);
    const figure = withBlock(base, { ...ednas('e2'), kind: 'insert' });
    expect(forgedSuggestions(figure, withBlock(base, { ...ednas('e2'), kind: 'insert' }, 'https://example.com/b.jpg'), rosa)).toEqual(['e2']);
    expect(forgedSuggestions(figure, withBlock(base, { ...ednas('e2'), kind: 'delete' }), rosa)).toEqual(['e2']);
  });

  it('passes someone else’s suggestion shrinking or going (rejected, partly deleted), or split by Enter', () => {
    expect(forgedSuggestions(ednaInserts, base, rosa)).toEqual([]);
    expect(forgedSuggestions(ednaInserts, story(text('Only '), text('30', ['suggestionInsert', ednas('e1')]), text(' remain.')), rosa)).toEqual([]);
    const split: JSONContent = {
      type: 'doc',
      content: [
        { type: 'headline', content: [text('Budget')] },
        { type: 'standfirst' },
        { type: 'paragraph', content: [text('Only '), text('3', ['suggestionInsert', ednas('e1')])] },
        { type: 'paragraph', content: [text('00', ['suggestionInsert', ednas('e1')]), text(' remain.')] },
      ],
    };
    expect(forgedSuggestions(ednaInserts, split, rosa)).toEqual([]);
  });

  it('passes the sender’s own suggested text inside someone else’s suggestion (where concurrent typing lands)', () => {
    const ednaDeletes = story(text('Only '), text('290', ['suggestionDelete', ednas('e3')]), text(' remain.'));
    const inside = story(text('Only '), text('2', ['suggestionDelete', ednas('e3')]), text('x', ['suggestionDelete', ednas('e3')], ['suggestionInsert', rosas('r5')]), text('90', ['suggestionDelete', ednas('e3')]), text(' remain.'));
    expect(forgedSuggestions(ednaDeletes, inside, rosa)).toEqual([]);
    // Someone else's deletion stretched over words that were plain.
    const stretched = story(text('Only '), text('290 remain', ['suggestionDelete', ednas('e3')]), text('.'));
    expect(forgedSuggestions(ednaDeletes, stretched, rosa)).toEqual(['e3']);
  });
});
