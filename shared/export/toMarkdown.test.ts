import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { escapeMarkdown, toMarkdown } from './toMarkdown.ts';

function withBody(...body: JSONContent[]) {
  const article = fixtureArticleJson();
  article.meta.byline = '';
  article.doc.content = [
    { type: 'headline', content: [{ type: 'text', text: 'Head' }] },
    { type: 'standfirst' },
    ...body,
  ];
  return article;
}

const text = (value: string, ...marks: JSONContent[]): JSONContent =>
  marks.length > 0 ? { type: 'text', text: value, marks: marks.map((mark) => ({ type: mark.type ?? '', attrs: mark.attrs })) } : { type: 'text', text: value };

describe('toMarkdown', () => {
  it('writes the fixture story as Markdown', () => {
    const md = toMarkdown(fixtureArticleJson());
    expect(md.startsWith('# North Korea sees mass exodus of foreigners due to COVID-19\n\n_Foreign diplomats')).toBe(true);
    expect(md).toContain('\n\nBy Seoul bureau\n\n');
    expect(md).toContain('[official Facebook page](https://www.facebook.com/RusEmbDPRK)');
    expect(md).toContain('**290 expatriates**');
    expect(md).toContain("*charge d'affaires*");
    expect(md).toContain('> "Not everyone');
    expect(md).toContain("**READ MORE:** [North Korea warns US against 'causing a stink'](/stories/north-korea-warns-us)");
    expect(md).toContain('## A dwindling community');
    expect(md).toContain('### Why the borders closed');
    expect(md).toContain(
      '![A Russian family pushes a hand-powered railway trolley across the border](https://images.example.com/north-korea/railway-trolley.jpg "Russian Ministry of Foreign Affairs")\\\n' +
        'Unable to get out of North Korea any other way, this Russian family resorted to a *hand-powered* railway trolley. _Credit: Russian Ministry of Foreign Affairs_',
    );
    expect(md).toContain('- Borders locked down');
    expect(md).toContain('1. Diplomats leave');
    expect(md).toContain('\n---\n');
    expect(md).toContain('***they have not admitted its food supply is under strain***.');
  });

  it('escapes Markdown and HTML specials in text', () => {
    expect(escapeMarkdown('*a* _b_ [c](d) <e> `f` # g & h')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\# g \\& h');
    expect(escapeMarkdown('- item\n1. one')).toBe('\\- item\n1\\. one');
    const md = toMarkdown(withBody({ type: 'paragraph', content: [text('<script>alert(1)</script> **not bold**')] }));
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\*\\*not bold\\*\\*');
    expect(md).not.toMatch(/(^|[^\\])<script/);
  });

  it('drops unsafe links and images, and keeps odd URLs in one piece', () => {
    const md = toMarkdown(
      withBody(
        { type: 'paragraph', content: [text('bad', { type: 'link', attrs: { href: 'javascript:alert(1)' } }), text(' '), text('odd', { type: 'link', attrs: { href: 'https://x.test/a b"c)(d' } })] },
        { type: 'figure', attrs: { src: 'javascript:alert(1)', alt: 'x', credit: '' }, content: [text('caption')] },
        { type: 'figure', attrs: { src: 'https://img.test/a") onerror=("x.jpg', alt: 'a]b', credit: 'say "hi"' } },
        { type: 'relatedLink', attrs: { href: 'data:text/html,x' }, content: [text('label')] },
      ),
    );
    expect(md).not.toMatch(/javascript:|data:/);
    expect(md).toContain('bad [odd](https://x.test/a%20b%22c%29%28d)');
    expect(md).toContain('\n\ncaption\n\n');
    expect(md).toContain('![a\\]b](https://img.test/a%22%29%20onerror=%28%22x.jpg "say \\"hi\\"")');
    expect(md).toContain('**READ MORE:** label');
  });

  it('nests lists and keeps spaces outside emphasis', () => {
    const md = toMarkdown(
      withBody(
        { type: 'paragraph', content: [text('a '), text('bold ', { type: 'bold' }), text('end')] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [text('one')] },
                { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('three')] }] }] },
              ],
            },
          ],
        },
      ),
    );
    expect(md).toContain('a **bold** end');
    expect(md).toContain('- one\n  3. three');
  });
});
