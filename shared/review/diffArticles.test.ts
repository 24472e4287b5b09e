import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { diffArticles, diffTokens, type BlockDiff } from './diffArticles.ts';
import { diffToHtml } from './diffToHtml.ts';
import { tokenize } from './flattenBlocks.ts';
import { articleSchema } from '../editor/schema.ts';

const blocks = (article: ArticleJson): JSONContent[] => article.doc.content as JSONContent[];
const changed = (entries: BlockDiff[]) => entries.filter((entry) => entry.status !== 'same');
const para = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function story(...body: JSONContent[]): ArticleJson {
  return {
    meta: { byline: '', slug: 's', section: '', tags: [] },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'Headline' }] },
        { type: 'standfirst', content: [{ type: 'text', text: 'Standfirst' }] },
        ...body,
      ],
    },
  };
}

describe('diffArticles', () => {
  it('finds nothing between identical versions', () => {
    const diff = diffArticles(fixtureArticleJson(), fixtureArticleJson());
    expect(diff.identical).toBe(true);
    expect(diff.counts).toEqual({ inserted: 0, deleted: 0, changed: 0 });
    expect(diff.blocks.every((entry) => entry.status === 'same' && entry.segments.every((s) => s.op === 'equal'))).toBe(true);
    // Every textblock of the fixture, including list items, quote, caption and READ MORE labels.
    expect(diff.blocks.map((entry) => entry.type)).toContain('figure');
    expect(diff.blocks.filter((entry) => entry.path.includes('listItem')).length).toBeGreaterThan(1);
    expect(diffToHtml(diff)).not.toMatch(/<ins>|<del>/);
  });

  it('shows a changed word inside a paragraph as one deletion and one insertion', () => {
    const after = fixtureArticleJson();
    const text = blocks(after)[2]?.content?.[3] as JSONContent;
    expect(text.text).toBe('290 expatriates');
    text.text = '300 expatriates';
    const diff = diffArticles(fixtureArticleJson(), after);
    const [entry] = changed(diff.blocks);
    expect(diff.counts).toEqual({ inserted: 0, deleted: 0, changed: 1 });
    expect(entry?.type).toBe('paragraph');
    expect(entry?.segments.filter((segment) => segment.op !== 'equal')).toEqual([
      { text: '290', op: 'delete', marks: [{ type: 'bold' }] },
      { text: '300', op: 'insert', marks: [{ type: 'bold' }] },
    ]);
    expect(entry?.segments.map((segment) => (segment.op === 'insert' ? '' : segment.text)).join('')).toContain('only 290 expatriates within');
    expect(diffToHtml(diff)).toContain('<del><strong>290</strong></del><ins><strong>300</strong></ins>');
  });

  it('compares figures by caption, credit, alt and image', () => {
    const after = fixtureArticleJson();
    const figure = blocks(after)[7] as JSONContent;
    figure.attrs = { ...figure.attrs, credit: 'Reuters', src: 'https://images.example.com/other.jpg' };
    figure.content = [{ type: 'text', text: 'A family crosses the border on a trolley' }];
    const diff = diffArticles(fixtureArticleJson(), after);
    const [entry] = changed(diff.blocks);
    expect(entry).toMatchObject({ status: 'changed', type: 'figure' });
    expect(entry?.attrChanges.map((change) => [change.name, change.after])).toEqual([
      ['src', 'https://images.example.com/other.jpg'],
      ['credit', 'Reuters'],
    ]);
    expect(entry?.segments.some((segment) => segment.op === 'insert')).toBe(true);
    const html = diffToHtml(diff);
    expect(html).toContain('<del><img src="https://images.example.com/north-korea/railway-trolley.jpg"');
    expect(html).toContain('<ins><img src="https://images.example.com/other.jpg"');
    expect(html).toContain('credit: <del>Russian Ministry');
  });

  it('shows a changed link target as the linked text deleted and inserted with the new href', () => {
    const after = fixtureArticleJson();
    const linked = blocks(after)[2]?.content?.[1] as JSONContent;
    linked.marks = [{ type: 'link', attrs: { href: 'https://example.org/embassy' } }];
    const diff = diffArticles(fixtureArticleJson(), after);
    const ops = changed(diff.blocks)[0]?.segments.filter((segment) => segment.op !== 'equal');
    expect(ops?.map((segment) => [segment.op, segment.text, segment.marks?.[0]?.attrs?.href])).toEqual([
      ['delete', 'official Facebook page', 'https://www.facebook.com/RusEmbDPRK'],
      ['insert', 'official Facebook page', 'https://example.org/embassy'],
    ]);
  });

  it('compares READ MORE links by href and label', () => {
    const after = fixtureArticleJson();
    const link = blocks(after)[4] as JSONContent;
    link.attrs = { href: '/stories/another' };
    link.content = [{ type: 'text', text: "North Korea warns US against 'causing trouble'" }];
    const [entry] = changed(diffArticles(fixtureArticleJson(), after).blocks);
    expect(entry).toMatchObject({ type: 'relatedLink', status: 'changed' });
    expect(entry?.attrChanges).toEqual([{ name: 'href', before: '/stories/north-korea-warns-us', after: '/stories/another' }]);
    expect(entry?.segments.filter((segment) => segment.op !== 'equal').map((segment) => segment.text)).toEqual(['a stink', 'trouble']);
  });

  it('aligns inserted, deleted and moved blocks', () => {
    const before = story(para('Alpha one two.'), para('Bravo three four.'), para('Charlie five six.'), para('Delta seven.'));
    const after = story(para('Delta seven.'), para('Alpha one two.'), para('A brand new paragraph here.'), para('Charlie five six.'));
    const diff = diffArticles(before, after);
    const summary = diff.blocks.map((entry) => [entry.status, entry.segments.map((s) => s.text).join(''), entry.moved]);
    expect(summary).toEqual([
      ['same', 'Headline', false],
      ['same', 'Standfirst', false],
      ['inserted', 'Delta seven.', true],
      ['same', 'Alpha one two.', false],
      ['deleted', 'Bravo three four.', false],
      ['inserted', 'A brand new paragraph here.', false],
      ['same', 'Charlie five six.', false],
      ['deleted', 'Delta seven.', true],
    ]);
    expect(diff.counts).toEqual({ inserted: 2, deleted: 2, changed: 0 });
    const html = diffToHtml(diff);
    expect(html).toContain('<div class="diff-block diff-deleted"><p><del>Bravo three four.</del></p></div>');
    expect(html).toContain('<div class="diff-block diff-inserted diff-moved"><p><ins>Delta seven.</ins></p></div>');
  });

  it('reports heading level and meta changes', () => {
    const before = story({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Section' }] });
    const after = story({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Section' }] });
    after.meta = { ...after.meta, byline: 'Seoul bureau', tags: ['Asia'] };
    const diff = diffArticles(before, after);
    expect(changed(diff.blocks)[0]?.attrChanges).toEqual([{ name: 'level', before: 2, after: 3 }]);
    expect(diff.meta).toEqual([
      { key: 'byline', before: '', after: 'Seoul bureau' },
      { key: 'tags', before: '', after: 'Asia' },
    ]);
    expect(diff.identical).toBe(false);
    expect(diffToHtml(diff)).toContain('<h3>Section</h3>');
  });

  it('escapes text and drops unsafe link targets in the HTML', () => {
    const before = story(para('Safe words.'));
    const after = story({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Safe words <script>alert(1)</script> ' },
        { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(2)' } }] },
      ],
    });
    const html = diffToHtml(diffArticles(before, after));
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|javascript:/);
    expect(html).toContain('<ins>click</ins>');
  });

  it('refuses a version that does not fit the schema', () => {
    const broken = story(para('x'));
    (broken.doc.content as JSONContent[]).push({ type: 'video' });
    expect(() => diffArticles(story(para('x')), broken)).toThrow(RangeError);
  });
});

describe('diffTokens', () => {
  const tokens = (text: string) => tokenize(articleSchema.nodes.paragraph!.create(null, articleSchema.text(text)));

  it('joins a rewritten phrase into one deletion and one insertion', () => {
    const segments = diffTokens(tokens('the quick brown fox jumps'), tokens('the slow red fox jumps'));
    expect(segments).toEqual([
      { text: 'the ', op: 'equal' },
      { text: 'quick brown', op: 'delete' },
      { text: 'slow red', op: 'insert' },
      { text: ' fox jumps', op: 'equal' },
    ]);
  });

  it('rebuilds both versions from its segments', () => {
    const before = 'Officials said on Monday that 290 people remain, down from 2,000.';
    const after = 'Officials confirmed on Tuesday that only 290 people remain - down from about 2,000!';
    const segments = diffTokens(tokens(before), tokens(after));
    expect(segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe(before);
    expect(segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).toBe(after);
  });
});
