import { Node as PMNode } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { textOf } from '../article/textOf.ts';
import { articleSchema } from '../editor/schema.ts';
import { articlePage } from '../export/articlePage.ts';
import { toHtml } from '../export/toHtml.ts';
import { fromHtml } from './fromHtml.ts';
import type { HtmlParser } from './HtmlParser.ts';

const parser: HtmlParser = new new Window().DOMParser();
const importHtml = (html: string) => {
  const article = fromHtml(html, parser);
  PMNode.fromJSON(articleSchema, article.doc).check();
  return article;
};
const blocksOf = (html: string) => importHtml(html).doc.content ?? [];

describe('fromHtml', () => {
  it('reads a page: headline, standfirst, byline, section, tags, body', () => {
    const article = importHtml(`<!DOCTYPE html><html><head><title>Site title</title>
      <meta property="article:section" content="World"><meta property="article:tag" content="Korea"><meta name="keywords" content="Korea, Asia"></head>
      <body><nav><a href="/">Home</a></nav><header><h1>The <em>real</em> headline</h1><p class="standfirst">The summary.</p>
      <p class="byline">By Jo Smith</p></header><p>Body <strong>bold</strong> and <i>italic</i>.</p><h2>Part</h2><h4>Small</h4><h1>Second h1</h1>
      <footer>Copyright</footer></body></html>`);
    expect(article.meta).toEqual({ byline: 'Jo Smith', slug: 'the-real-headline', section: 'World', tags: ['Korea', 'Asia'] });
    const blocks = article.doc.content ?? [];
    expect(blocks.map((b) => [b.type, b.attrs?.level, textOf(b)])).toEqual([
      ['headline', undefined, 'The real headline'],
      ['standfirst', undefined, 'The summary.'],
      ['paragraph', undefined, 'Body bold and italic.'],
      ['heading', 2, 'Part'],
      ['heading', 3, 'Small'],
      ['heading', 2, 'Second h1'],
    ]);
    expect(blocks[2]?.content?.[1]).toEqual({ type: 'text', text: 'bold', marks: [{ type: 'bold' }] });
    expect(blocks[2]?.content?.[3]).toEqual({ type: 'text', text: 'italic', marks: [{ type: 'italic' }] });
  });

  it('drops scripts, styles, frames, event attributes and unsafe URLs', () => {
    const html = `<h1>Head</h1><p onclick="alert(1)">Safe <a href="javascript:alert(1)">js</a> <a href=" JAVA&#x09;SCRIPT:alert(1)">js2</a>
      <a href="data:text/html,x">data</a> <a href="https://ok.test/a b" onmouseover="x()">ok</a><script>alert(1)</script><style>p{}</style></p>
      <iframe src="https://evil.test"></iframe><object data="x"></object>
      <img src="x" onerror="alert(1)"><img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA">
      <form><input value="secret"></form><div hidden>hidden text</div><template><p>tpl</p></template><svg><script>alert(1)</script></svg>`;
    const article = importHtml(html);
    const json = JSON.stringify(article);
    expect(json).not.toMatch(/javascript|data:|alert|onerror|onclick|secret|hidden text|tpl|p\{\}/i);
    const blocks = article.doc.content ?? [];
    expect(textOf(blocks[2])).toBe('Safe js js2 data ok');
    const links = (blocks[2]?.content ?? []).filter((node) => node.marks?.some((mark) => mark.type === 'link'));
    expect(links.map((node) => node.marks?.[0]?.attrs?.href)).toEqual(['https://ok.test/a%20b']);
    // A relative image URL is allowed; its attributes other than src and alt are not kept.
    expect(blocks.filter((b) => b.type === 'figure').map((b) => b.attrs)).toEqual([{ src: 'x', alt: '', credit: '' }]);
  });

  it('keeps figures with caption and credit, quoting odd image URLs', () => {
    const blocks = blocksOf(`<h1>H</h1><figure><img src='https://img.test/a"b.jpg' alt="An &quot;alt&quot;" onload="x()">
      <figcaption>People <em>wave</em> flags. <span class="credit">Reuters</span></figcaption></figure>
      <figure><img src="/img/b.jpg" alt="b"><figcaption>Caption only (Photo: AP)</figcaption></figure>
      <figure data-credit="AFP"><img src="/img/c.jpg"></figure>
      <figure><img src="javascript:alert(1)"><figcaption>Orphan caption</figcaption></figure>`);
    const figures = blocks.filter((b) => b.type === 'figure');
    expect(figures.map((f) => f.attrs)).toEqual([
      { src: 'https://img.test/a%22b.jpg', alt: 'An "alt"', credit: 'Reuters' },
      { src: '/img/b.jpg', alt: 'b', credit: 'AP' },
      { src: '/img/c.jpg', alt: '', credit: 'AFP' },
    ]);
    expect(figures[0]?.content).toEqual([
      { type: 'text', text: 'People ' },
      { type: 'text', text: 'wave', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' flags.' },
    ]);
    expect(textOf(figures[1])).toBe('Caption only');
    expect(blocks.map((b) => textOf(b))).toContain('Orphan caption');
  });

  it('turns READ MORE paragraphs into READ MORE blocks', () => {
    const blocks = blocksOf(`<h1>H</h1><p>READ MORE: <a href="/site/world/other">Other story</a></p><p><strong>Read more:</strong> No link</p>
      <aside class="read-more"><a href="javascript:alert(1)">READ MORE: Bad</a></aside>`);
    expect(blocks.slice(2).map((b) => [b.type, b.attrs?.href, textOf(b)])).toEqual([
      ['relatedLink', '/site/world/other', 'Other story'],
      ['relatedLink', '', 'No link'],
      ['relatedLink', '', 'Bad'],
    ]);
  });

  it("keeps Word's bold and italic, whose style names mso-bidi-font-weight and mso-bidi-font-style", () => {
    const blocks = blocksOf(`<h1>H</h1><p class=MsoNormal>The <b style='mso-bidi-font-weight:normal'>council</b> and <i style='mso-bidi-font-style:normal'>its plan</i>,
      <span style="font-weight: normal !important">plain</span> <b style="FONT-WEIGHT: normal">docs wrapper</b></p>`);
    expect(blocks[2]?.content).toEqual([
      { type: 'text', text: 'The ' },
      { type: 'text', text: 'council', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'its plan', marks: [{ type: 'italic' }] },
      { type: 'text', text: ', plain docs wrapper' },
    ]);
  });

  it('keeps lists and quotes, nested or straight from Word and Google Docs', () => {
    const blocks = blocksOf(`<b style="font-weight:normal;" id="docs-internal-guid-1"><h1 dir="ltr"><span style="font-weight:400">Docs title</span></h1>
      <p dir="ltr"><span style="font-weight:700">Bold</span><span> and </span><span style="font-style:italic">italic</span><br></p>
      <ul><li><p>one</p><ul><li>nested</li></ul></li><li>two</li></ul><ol start="4"><li>four</li></ol>
      <blockquote><p>quoted</p></blockquote></b>
      <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><![endif]>Word one<o:p></o:p></p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Word two</p>
      <p class=MsoNormal>&nbsp;</p><p class=MsoNormal>After <a href="mailto:desk@example.com">mail</a></p>`);
    expect(blocks.map((b) => b.type)).toEqual([
      'headline', 'standfirst', 'paragraph', 'bulletList', 'orderedList', 'blockquote', 'bulletList', 'paragraph',
    ]);
    expect(textOf(blocks[0])).toBe('Docs title');
    expect(blocks[2]?.content).toEqual([
      { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
    ]);
    expect(blocks[3]?.content?.[0]?.content?.map((b) => b.type)).toEqual(['paragraph', 'bulletList']);
    expect(blocks[4]?.attrs).toEqual({ start: 4 });
    expect(blocks[6]?.content?.map((item) => textOf(item))).toEqual(['Word one', 'Word two']);
    expect(blocks[7]?.content?.[1]?.marks).toEqual([{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }]);
  });

  it('falls back to the page title, then the first paragraph, for the headline', () => {
    expect(textOf(blocksOf('<title>From title</title><p>Body</p>')[0])).toBe('From title');
    const blocks = blocksOf('<p>First line</p><p>Second</p>');
    expect(blocks.map((b) => textOf(b))).toEqual(['First line', '', 'Second']);
    expect(blocksOf('').map((b) => b.type)).toEqual(['headline', 'standfirst', 'paragraph']);
  });

  it("reads back its own exports: toHtml and the published page", () => {
    const original = fixtureArticleJson();
    for (const html of [
      toHtml(original),
      articlePage(original, { uri: 'https://x.test/a', firstCreated: '2024-01-01T00:00:00Z', versionCreated: '2024-01-01T00:00:00Z', pubStatus: 'usable' }),
    ]) {
      const article = importHtml(html);
      expect(article.meta.byline).toBe('Seoul bureau');
      expect(article.doc.content?.slice(0, 2)).toEqual(original.doc.content?.slice(0, 2));
      const types = (article.doc.content ?? []).map((b) => b.type);
      expect(types.filter((t) => t === 'relatedLink')).toHaveLength(2);
      const figure = article.doc.content?.find((b) => b.type === 'figure');
      expect(figure?.attrs).toEqual(original.doc.content?.find((b) => b.type === 'figure')?.attrs);
      expect(textOf(figure)).toBe(textOf(original.doc.content?.find((b) => b.type === 'figure')));
    }
  });
});
