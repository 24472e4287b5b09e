import { describe, expect, it } from 'vitest';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { toJson } from './toJson.ts';

describe('toJson', () => {
  it('returns the story with every attribute filled in', () => {
    const article = fixtureArticleJson();
    const out = toJson(article);
    expect(out.meta).toEqual(article.meta);
    expect(out.doc.content?.[0]).toEqual(article.doc.content?.[0]);
    const figure = out.doc.content?.find((node) => node.type === 'figure');
    expect(figure?.attrs).toEqual({
      src: 'https://images.example.com/north-korea/railway-trolley.jpg',
      alt: 'A Russian family pushes a hand-powered railway trolley across the border',
      credit: 'Russian Ministry of Foreign Affairs',
    });
    // Canonical output is a fixed point.
    expect(toJson(out)).toEqual(out);
  });

  it('normalizes meta from untrusted data', () => {
    const article = fixtureArticleJson();
    const out = toJson({ ...article, meta: { byline: 7, tags: [' a ', 'A', '', 3, 'b'] } as unknown as ArticleJson['meta'] });
    expect(out.meta).toEqual({ byline: '', slug: '', section: '', tags: ['a', 'b'] });
  });

  it.each([
    ['no headline', { type: 'doc', content: [{ type: 'standfirst' }, { type: 'paragraph' }] }],
    ['no body', { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }] }],
    ['unknown node', { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'codeBlock' }] }],
    ['unknown mark', { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] }],
    ['empty text', { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph', content: [{ type: 'text', text: '' }] }] }],
    ['marks in the headline', { type: 'doc', content: [{ type: 'headline', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }, { type: 'standfirst' }, { type: 'paragraph' }] }],
    ['wrong top node', { type: 'paragraph' }],
    ['not an object', 'doc'],
  ])('throws a RangeError for %s', (_name, doc) => {
    expect(() => toJson({ meta: fixtureArticleJson().meta, doc: doc as ArticleJson['doc'] })).toThrow(RangeError);
  });
});
