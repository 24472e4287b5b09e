import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { compareVersions } from './compareVersions.ts';
import { storyJson } from './testStory.ts';
import { versionHtml } from './versionHtml.ts';

const suggested = (text: string, type: 'suggestionInsert' | 'suggestionDelete'): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type, attrs: { id: 's1', author: 'ed', color: '#c00', at: '2024-05-01T09:00:00.000Z' } }],
});

describe('versionHtml', () => {
  it('renders a version as the read-only HTML page of its content', () => {
    const html = versionHtml({ doc: fixtureArticleJson() });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>North Korea sees mass exodus of foreigners due to COVID-19</h1>');
    expect(html).toContain('Russian Ministry of Foreign Affairs');
    expect(html).toContain("default-src 'none'");
    expect(versionHtml({ doc: fixtureArticleJson() }, { fragment: true })).toMatch(/^<article>/);
  });

  it('escapes what the story holds', () => {
    const html = versionHtml({ doc: storyJson('<script>alert(1)</script>', ['a & b']) }, { fragment: true });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('a &amp; b');
  });

  it('leaves pending suggestions out, as exports do', () => {
    const version = storyJson('Council votes', []);
    version.doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Kept ' }, suggested('proposed ', 'suggestionInsert'), suggested('struck', 'suggestionDelete')] });
    const html = versionHtml({ doc: version }, { fragment: true });
    expect(html).toContain('<p>Kept struck</p>');
    expect(html).not.toContain('proposed');
  });
});

describe('compareVersions', () => {
  it('shows insertions and deletions between two versions, text, figures and links', () => {
    const older = fixtureArticleJson();
    const newer = fixtureArticleJson();
    const blocks = newer.doc.content!;
    blocks[2] = { type: 'paragraph', content: [{ type: 'text', text: 'The embassy said nothing more.' }] };
    const figure = blocks.find((block) => block.type === 'figure')!;
    figure.attrs = { ...figure.attrs, credit: 'Reuters' };
    newer.meta.byline = 'Tokyo bureau';

    const comparison = compareVersions({ number: 1, doc: older }, { number: 4, doc: newer });
    expect(comparison.from).toBe(1);
    expect(comparison.to).toBe(4);
    expect(comparison.diff.identical).toBe(false);
    expect(comparison.diff.meta).toEqual([{ key: 'byline', before: 'Seoul bureau', after: 'Tokyo bureau' }]);
    expect(comparison.diff.blocks.find((block) => block.type === 'figure')!.attrChanges).toContainEqual({
      name: 'credit',
      before: 'Russian Ministry of Foreign Affairs',
      after: 'Reuters',
    });
    expect(comparison.html).toContain('<ins>');
    expect(comparison.html).toContain('<del>');
    expect(comparison.html).toContain('Tokyo bureau');
  });

  it('finds nothing between equal versions, and compares backwards when asked', () => {
    const a = { number: 2, doc: storyJson('Council votes', ['It voted for the budget.']) };
    const b = { number: 5, doc: storyJson('Council votes', ['It rejected the budget.']) };
    expect(compareVersions(a, { ...a, number: 3 }).diff.identical).toBe(true);
    const back = compareVersions(b, a);
    const segments = back.diff.blocks.flatMap((block) => block.segments);
    const text = (op: string) => segments.filter((s) => s.op === op).map((s) => s.text).join('|');
    expect(text('insert')).toMatch(/voted/);
    expect(text('insert')).not.toMatch(/rejected/);
    expect(text('delete')).toMatch(/rejected/);
  });
});
