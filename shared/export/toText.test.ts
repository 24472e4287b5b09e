import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { summarize } from '../article/summarize.ts';
import { toText } from './toText.ts';

describe('toText', () => {
  it('writes headline, standfirst, byline, body blocks and the word count', () => {
    const article = fixtureArticleJson();
    const text = toText(article);
    const blocks = text.split('\n\n');
    expect(blocks[0]).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    expect(blocks[1]).toMatch(/^Foreign diplomats/);
    expect(blocks[2]).toBe('By Seoul bureau');
    expect(text).toContain('READ MORE: North Korea warns US against \'causing a stink\' </stories/north-korea-warns-us>');
    expect(text).toContain('[Image: A Russian family pushes a hand-powered railway trolley across the border] Unable to get out');
    expect(text).toContain('(Credit: Russian Ministry of Foreign Affairs)');
    expect(text).toContain('- Borders locked down for months to keep COVID-19 at bay.\n- Air Koryo');
    expect(text).toContain('1. Diplomats leave rather than risk being stranded.\n2. Aid workers');
    expect(text).toContain('has dwindled recently.\nMonths of living');
    expect(text).not.toMatch(/<(p|strong|em|a|figure|h[1-6])[\s>]/i);
    const { wordCount } = summarize(article);
    expect(text.endsWith(`\n\nBody: ${wordCount} words\n`)).toBe(true);
  });

  it('counts the words it is given', () => {
    const article = fixtureArticleJson();
    article.doc.content = [
      { type: 'headline', content: [{ type: 'text', text: 'Two words' }] },
      { type: 'standfirst' },
      { type: 'paragraph', content: [{ type: 'text', text: 'and three -- more' }] },
    ];
    article.meta.byline = '';
    expect(toText(article)).toBe('Two words\n\nand three -- more\n\nBody: 3 words\n');
  });

  it('keeps text as text: markup characters come out unchanged', () => {
    const article = fixtureArticleJson();
    article.doc.content = [
      { type: 'headline', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
      { type: 'standfirst' },
      { type: 'paragraph' },
    ];
    expect(toText(article).split('\n')[0]).toBe('<script>alert(1)</script>');
  });

  it('refuses a document outside the schema', () => {
    expect(() => toText({ ...fixtureArticleJson(), doc: { type: 'doc', content: [] } })).toThrow(RangeError);
  });
});
