import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { ArticleJson } from './article/ArticleJson.ts';
import { fixtureArticleJson } from './article/fixtureArticle.ts';
import { bodyWordCount, checkDeskLimits, countChars, DEFAULT_DESK_LIMITS, deskLimitsFor } from './deskLimits.ts';

const text = (value: string): JSONContent => ({ type: 'text', text: value });

function story(headline: string, standfirst: string, ...body: JSONContent[]): ArticleJson {
  return {
    meta: { byline: '', slug: '', section: '', tags: [] },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: headline ? [text(headline)] : [] },
        { type: 'standfirst', content: standfirst ? [text(standfirst)] : [] },
        ...body,
      ],
    },
  };
}

describe('deskLimits', () => {
  it('defaults to 90 headline and 250 standfirst characters', () => {
    expect(DEFAULT_DESK_LIMITS).toMatchObject({ headlineChars: 90, standfirstChars: 250 });
    const report = checkDeskLimits(story('x'.repeat(90), 'y'.repeat(251)));
    expect(report.headline).toEqual({ count: 90, limit: 90, over: false });
    expect(report.standfirst).toEqual({ count: 251, limit: 250, over: true });
  });

  it('counts characters as a reader sees them', () => {
    expect(countChars('  Kim   meets\nPutin  ')).toBe(15);
    expect(countChars('Café 👩‍👩‍👧')).toBe(6);
  });

  it('counts body words without captions or READ MORE links, and compares them with the target', () => {
    const article = story(
      'Headline words',
      'Standfirst words here',
      { type: 'paragraph', content: [text('One two three,'), { type: 'hardBreak' }, text('four.')] },
      { type: 'figure', attrs: { src: '/a.jpg', alt: '', credit: '' }, content: [text('Caption words do not count')] },
      { type: 'relatedLink', attrs: { href: '/x' }, content: [text('Neither do these')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('five six')] }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [text('"seven" — eight')] }] },
      { type: 'paragraph' },
    );
    expect(bodyWordCount(article)).toBe(8);
    expect(checkDeskLimits(article, { headlineChars: 10, standfirstChars: 100, bodyWords: 4 })).toEqual({
      headline: { count: 14, limit: 10, over: true },
      standfirst: { count: 21, limit: 100, over: false },
      body: { words: 8, target: 4, ratio: 2, over: true },
    });
    expect(checkDeskLimits(article, { headlineChars: 90, standfirstChars: 250, bodyWords: null }).body).toEqual({
      words: 8,
      target: null,
      ratio: null,
      over: false,
    });
  });

  it('reads the limits of a section, then the assigned length, over the defaults', () => {
    const sections = { World: { headlineChars: 70 }, Sport: { standfirstChars: 180, bodyWords: 400 }, Opinion: { headlineChars: -5 } };
    expect(deskLimitsFor(' world ', sections)).toEqual({ headlineChars: 70, standfirstChars: 250, bodyWords: 600 });
    expect(deskLimitsFor('Sport', sections, 350)).toEqual({ headlineChars: 90, standfirstChars: 180, bodyWords: 350 });
    expect(deskLimitsFor('Opinion', sections)).toEqual(DEFAULT_DESK_LIMITS);
    expect(deskLimitsFor('Culture', sections, null).bodyWords).toBeNull();
  });

  it('measures the fixture story', () => {
    const report = checkDeskLimits(fixtureArticleJson());
    expect(report.headline).toEqual({ count: 58, limit: 90, over: false });
    expect(report.standfirst.over).toBe(false);
    expect(report.body.words).toBeGreaterThan(100);
  });
});
