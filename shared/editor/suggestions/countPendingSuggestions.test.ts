import { describe, expect, it } from 'vitest';
import { countPendingSuggestions, hasPendingSuggestions } from './withoutSuggestions.ts';

const mark = (type: string, id: string) => ({ type, attrs: { id, authorId: 'rita', authorName: 'Rita', color: '#123456', createdAt: '2024-05-01T00:00:00.000Z' } });

describe('countPendingSuggestions', () => {
  it('counts each suggestion once, however many text runs and blocks it spans', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'old', marks: [mark('suggestionDelete', 'a')] },
            { type: 'text', text: 'new', marks: [mark('suggestionInsert', 'a')] },
            { type: 'text', text: ' plain ' },
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }, mark('suggestionFormat', 'b')] },
          ],
        },
        { type: 'paragraph', attrs: { suggestion: { kind: 'insert', id: 'c' } }, content: [{ type: 'text', text: 'added', marks: [mark('suggestionInsert', 'c')] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'more', marks: [mark('suggestionInsert', 'd')] }] },
      ],
    };
    expect(countPendingSuggestions(doc)).toBe(4);
    expect(hasPendingSuggestions(doc)).toBe(true);
  });

  it('is 0 for a story without suggestions', () => {
    expect(countPendingSuggestions({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'italic' }] }] }] })).toBe(0);
  });
});
