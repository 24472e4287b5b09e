import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';

const suggestion = { id: 's1', authorId: 'rosa', authorName: 'Rosa', color: '#123456', createdAt: '2024-05-01T10:00:00.000Z' };

const mark: fc.Arbitrary<NonNullable<JSONContent['marks']>[number]> = fc.constantFrom(
  { type: 'bold' },
  { type: 'italic' },
  { type: 'link', attrs: { href: 'https://example.com/' } },
  { type: 'suggestionInsert', attrs: suggestion },
  { type: 'suggestionDelete', attrs: suggestion },
);

const text: fc.Arbitrary<JSONContent> = fc.record({
  text: fc.constantFrom('a', 'word ', 'Two words.', 'é', ' — '),
  marks: fc.uniqueArray(mark, { maxLength: 3, selector: (m) => m.type }),
}).map(({ text, marks }) => (marks.length ? { type: 'text', text, marks } : { type: 'text', text }));

const inline = fc.array(text, { maxLength: 4 });

const block: fc.Arbitrary<JSONContent> = fc.oneof(
  inline.map((content) => ({ type: 'paragraph', content })),
  fc.record({ level: fc.constantFrom(2, 3), content: inline }).map(({ level, content }) => ({ type: 'heading', attrs: { level }, content })),
  inline.map((content) => ({ type: 'blockquote', content: [{ type: 'paragraph', content }] })),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => ({
    type: 'bulletList',
    content: items.map((content) => ({ type: 'listItem', content: [{ type: 'paragraph', content }] })),
  })),
  fc.constantFrom<JSONContent>(
    { type: 'figure', attrs: { src: '/media/a.jpg', alt: 'A boat', credit: 'AP' }, content: [{ type: 'text', text: 'A caption' }] },
    { type: 'relatedLink', attrs: { href: '/stories/other' }, content: [{ type: 'text', text: 'READ MORE: elsewhere' }] },
    { type: 'horizontalRule' },
  ),
);

/** ProseMirror JSON of a story that fits the article schema: headline, standfirst, then blocks. */
export const storyDoc: fc.Arbitrary<JSONContent> = fc
  .record({ headline: inline, standfirst: inline, blocks: fc.array(block, { minLength: 1, maxLength: 6 }) })
  .map(({ headline, standfirst, blocks }) => ({
    type: 'doc',
    content: [{ type: 'headline', content: headline.map(({ text }) => ({ type: 'text', text })) }, { type: 'standfirst', content: standfirst.map(({ text }) => ({ type: 'text', text })) }, ...blocks],
  }));
