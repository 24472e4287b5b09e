import { readFileSync } from 'node:fs';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { textOf } from '../article/textOf.ts';
import { articleSchema } from '../editor/schema.ts';
import { fromPlainText } from './fromPlainText.ts';

const fixture = readFileSync(new URL('../../../shared/fixtures/article-north-korea-exodus.txt', import.meta.url), 'utf8');

const types = (doc: { content?: { type?: string }[] }) => (doc.content ?? []).map((node) => node.type);

describe('fromPlainText', () => {
  it('imports the fixture story cleanly', () => {
    const article = fromPlainText(fixture);
    expect(() => PMNode.fromJSON(articleSchema, article.doc).check()).not.toThrow();
    const blocks = article.doc.content ?? [];
    expect(textOf(blocks[0])).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    // The wire story has no standfirst: its lede stays the first paragraph of the body.
    expect(blocks[1]).toMatchObject({ type: 'standfirst' });
    expect(textOf(blocks[1])).toBe('');
    expect(textOf(blocks[2])).toMatch(/^Foreign diplomats and aid workers .* according to the Russian Embassy in Pyongyang\.$/);
    expect(article.meta.slug).toBe('north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19');
    const readMore = blocks.filter((node) => node.type === 'relatedLink');
    expect(readMore.map((node) => [textOf(node), node.attrs?.href])).toEqual([
      ["North Korea warns US against 'causing a stink'", ''],
      ['The countries making dubious coronavirus claims', ''],
    ]);
    // The web page's trailer ("Related Posts", the repeated headline, "4/ 5", the author box) is not story text.
    const last = blocks[blocks.length - 1];
    expect(textOf(last)).toMatch(/^While Kim and other North Korean leaders/);
    const all = blocks.map((node) => textOf(node)).join('\n');
    expect(all).not.toContain('Related Posts');
    expect(all).not.toContain('4/ 5');
    expect(all).not.toMatch(/^Oleh$/m);
    expect(blocks.filter((node) => node.type === 'paragraph')).toHaveLength(14);
  });

  it('reads byline, standfirst, wrapped lines and linked READ MORE lines', () => {
    const article = fromPlainText(
      '\ufeff\r\n  Budget passes  \r\nBy Jo Reporter\r\n\r\nStandfirst: A short summary.\r\n\r\nFirst line\r\nwrapped here.\r\nRead more: Earlier story (https://news.example.com/a)\r\nREAD MORE: /site/world/b\r\n\r\nLast.',
    );
    expect(article.meta.byline).toBe('Jo Reporter');
    expect(types(article.doc)).toEqual(['headline', 'standfirst', 'paragraph', 'relatedLink', 'relatedLink', 'paragraph']);
    const blocks = article.doc.content ?? [];
    expect(textOf(blocks[0])).toBe('Budget passes');
    expect(textOf(blocks[1])).toBe('A short summary.');
    expect(textOf(blocks[2])).toBe('First line wrapped here.');
    expect([blocks[3]?.attrs?.href, textOf(blocks[3])]).toEqual(['https://news.example.com/a', 'Earlier story']);
    expect([blocks[4]?.attrs?.href, textOf(blocks[4])]).toEqual(['/site/world/b', '/site/world/b']);
  });

  it('takes a standfirst only when it is set apart: labelled, or between the headline and the byline', () => {
    const between = fromPlainText('Budget passes\n\nCouncil backs the harbour plan.\n\nBy Jo Reporter\n\nThe council voted on Tuesday.');
    expect(between.meta.byline).toBe('Jo Reporter');
    expect((between.doc.content ?? []).map((node) => textOf(node))).toEqual(['Budget passes', 'Council backs the harbour plan.', 'The council voted on Tuesday.']);

    // A short opening after the byline, or with no byline, is the lede: it stays in the body.
    for (const text of ['Budget passes\nBy Jo Reporter\n\nThe council voted on Tuesday.\n\nIt took an hour.', 'Budget passes\n\nThe council voted on Tuesday.\n\nIt took an hour.']) {
      const blocks = fromPlainText(text).doc.content ?? [];
      expect(types({ content: blocks })).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
      expect(textOf(blocks[1])).toBe('');
      expect(textOf(blocks[2])).toBe('The council voted on Tuesday.');
    }
    const labelled = fromPlainText('Budget passes\n\nSummary: Council backs the harbour plan.\n\nThe council voted on Tuesday.');
    expect(textOf(labelled.doc.content?.[1])).toBe('Council backs the harbour plan.');
  });

  it('keeps a long opening paragraph in the body, and refuses unsafe READ MORE links', () => {
    const long = 'This opening is long. It has three sentences. So it is not a standfirst.';
    const article = fromPlainText(`Head\n\n${long}\n\nREAD MORE: Bad (javascript:alert(1))`);
    const blocks = article.doc.content ?? [];
    expect(textOf(blocks[1])).toBe('');
    expect(textOf(blocks[2])).toBe(long);
    expect(blocks[3]).toMatchObject({ type: 'relatedLink', attrs: { href: '' } });
    expect(textOf(blocks[3])).toBe('Bad (javascript:alert(1))');
  });

  it('makes a valid story of empty, one-line and very long-lined text', () => {
    for (const text of ['', '\n\n', 'Only a headline', 'x'.repeat(500)]) {
      const article = fromPlainText(text);
      expect(() => PMNode.fromJSON(articleSchema, article.doc).check()).not.toThrow();
      expect(textOf(article.doc.content?.[0]).length).toBeLessThanOrEqual(300);
    }
    const long = fromPlainText(`${'word '.repeat(100)}\n\nBody.`);
    expect(textOf(long.doc.content?.[0]).endsWith('…')).toBe(true);
    expect(textOf(long.doc.content?.[2])).toBe('word '.repeat(100).trim());
  });

  it('keeps markup as text', () => {
    const article = fromPlainText('<b>Head</b>\n\n<script>alert(1)</script>\n\nMore text follows here.');
    expect(textOf(article.doc.content?.[0])).toBe('<b>Head</b>');
    expect(JSON.stringify(article.doc)).not.toContain('"marks"');
  });
});
