import { describe, expect, it } from 'vitest';
import { countWords } from './countWords.ts';
import { fixtureArticleJson } from './fixtureArticle.ts';
import { summarize } from './summarize.ts';
import { textOf } from './textOf.ts';

describe('summarize', () => {
  it('reads headline and standfirst', () => {
    const summary = summarize(fixtureArticleJson());
    expect(summary.headline).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    expect(summary.standfirst).toMatch(/^Foreign diplomats and aid workers/);
  });

  it('counts the words of the body copy, across marks and breaks', () => {
    const summary = summarize({
      meta: { byline: 'Ignored Byline', slug: '', section: '', tags: [] },
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Three word headline' }] },
          { type: 'standfirst', content: [{ type: 'text', text: 'Two words' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
              { type: 'text', text: 'ly joined — then' },
              { type: 'hardBreak' },
              { type: 'text', text: 'broken' },
            ],
          },
          { type: 'figure', attrs: { src: 'https://x.test/a.jpg', alt: 'not counted', credit: 'not counted' }, content: [{ type: 'text', text: 'caption' }] },
          { type: 'relatedLink', attrs: { href: '/x' }, content: [{ type: 'text', text: 'Related' }] },
          { type: 'horizontalRule' },
        ],
      },
    });
    // The body copy only: "boldly joined then broken" (4; the dash is not a word); not the
    // headline, standfirst, caption or READ MORE label (storyWordCount).
    expect(summary.wordCount).toBe(4);
  });

  it('counts an empty story as zero words', () => {
    const summary = summarize({
      meta: { byline: '', slug: '', section: '', tags: [] },
      doc: { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph' }] },
    });
    expect(summary).toEqual({ headline: '', standfirst: '', wordCount: 0 });
  });

  it('matches a plain count of the fixture body copy', () => {
    const article = fixtureArticleJson();
    const copy = (article.doc.content ?? []).slice(2).filter((block) => block.type !== 'figure' && block.type !== 'relatedLink');
    const words = copy.map(textOf).join('\n').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    expect(summarize(article).wordCount).toBe(words.length);
    expect(words.length).toBeGreaterThan(150);
  });
});

describe('countWords', () => {
  it('counts letters and digits in any script and skips punctuation', () => {
    expect(countWords('  Kim Jong Un — 290 expatriates; 평양 … ')).toBe(6);
    expect(countWords('')).toBe(0);
  });
});
