import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { plainArticleSchema as articleSchema } from '../editor/schema.ts';
import { HTML_MARK_TYPES, HTML_NODE_TYPES, toHtml } from './toHtml.ts';

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

function story(body: JSONContent[], meta: Partial<ArticleJson['meta']> = {}): ArticleJson {
  return {
    meta: { byline: '', slug: '', section: '', tags: [], ...meta },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'Headline' }] },
        { type: 'standfirst' },
        ...body,
      ],
    },
  };
}

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

describe('toHtml', () => {
  it('has a serializer for every node and mark of the schema', () => {
    expect([...HTML_NODE_TYPES].sort()).toEqual(Object.keys(articleSchema.nodes).filter((name) => name !== 'text').sort());
    expect([...HTML_MARK_TYPES].sort()).toEqual(Object.keys(articleSchema.marks).sort());
  });

  it('renders the fixture story as a semantic HTML5 page', () => {
    const html = toHtml(fixtureArticleJson());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const document = parse(html);
    expect(document.title).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    const article = document.querySelector('article');
    expect(article).not.toBeNull();
    expect(article?.querySelector('header h1')?.textContent).toBe(document.title);
    expect(article?.querySelector('header p.standfirst')?.textContent).toMatch(/^Foreign diplomats/);
    expect(article?.querySelector('header p.byline')?.textContent).toBe('By Seoul bureau');
    expect(article?.querySelectorAll('h2')).toHaveLength(1);
    expect(article?.querySelectorAll('h3')).toHaveLength(1);
    expect(article?.querySelector('blockquote p')?.textContent).toMatch(/^"Not everyone/);
    expect(article?.querySelectorAll('ul:not(.tags) > li')).toHaveLength(3);
    expect(article?.querySelectorAll('ol > li')).toHaveLength(2);
    expect(article?.querySelectorAll('hr')).toHaveLength(1);
    expect(article?.querySelectorAll('br')).toHaveLength(1);
    expect(article?.querySelector('strong')?.textContent).toBe('290 expatriates');
    expect(article?.querySelector('em')?.textContent).toBe("charge d'affaires");
    expect(article?.querySelector('strong > em')?.textContent).toBe('they have not admitted its food supply is under strain');
    expect(article?.querySelector('p > a')?.getAttribute('href')).toBe('https://www.facebook.com/RusEmbDPRK');
    expect([...(article?.querySelectorAll('footer .tags li') ?? [])].map((li) => li.textContent)).toEqual([
      'North Korea',
      'COVID-19',
      'Diplomacy',
    ]);

    const figure = article?.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('https://images.example.com/north-korea/railway-trolley.jpg');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toMatch(/^A Russian family/);
    expect(figure?.querySelector('figcaption em')?.textContent).toBe('hand-powered');
    expect(figure?.querySelector('figcaption .credit')?.textContent).toBe('Russian Ministry of Foreign Affairs');

    const readMore = [...(article?.querySelectorAll('aside.read-more a') ?? [])];
    expect(readMore.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/stories/north-korea-warns-us', "READ MORE: North Korea warns US against 'causing a stink'"],
      ['https://news.example.com/countries-dubious-coronavirus-claims', 'READ MORE: The countries making dubious coronavirus claims'],
    ]);
  });

  it('returns only the article element as a fragment', () => {
    const html = toHtml(fixtureArticleJson(), { fragment: true });
    expect(html.startsWith('<article>')).toBe(true);
    expect(html.endsWith('</article>')).toBe(true);
  });

  it('opens a mark shared by neighbouring text once', () => {
    const html = toHtml(story([{ type: 'paragraph', content: [text('a', [{ type: 'bold' }]), text('b', [{ type: 'bold' }, { type: 'italic' }]), text('c')] }]), { fragment: true });
    expect(html).toContain('<p><strong>a<em>b</em></strong>c</p>');
  });

  it('renders an ordered list that does not start at one with its start', () => {
    const item = { type: 'listItem', content: [{ type: 'paragraph', content: [text('x')] }] };
    const html = toHtml(story([{ type: 'orderedList', attrs: { start: 4 }, content: [item] }]), { fragment: true });
    expect(html).toContain('<ol start="4">');
  });

  it('escapes hostile text everywhere it appears', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = toHtml({
      meta: { byline: payload, slug: payload, section: payload, tags: [payload] },
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [text(payload)] },
          { type: 'standfirst', content: [text(payload)] },
          { type: 'paragraph', content: [text(payload)] },
          { type: 'figure', attrs: { src: 'https://x.test/"onload="alert(3)', alt: '" onerror="alert(4)', credit: payload }, content: [text(payload)] },
          { type: 'relatedLink', attrs: { href: '/a"onclick="alert(5)' }, content: [text(payload)] },
        ],
      },
    });
    const document = parse(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const attributes = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(document.querySelectorAll('img')).toHaveLength(1);
    expect(document.querySelector('h1')?.textContent).toBe(payload);
    expect(document.querySelector('figure img')?.getAttribute('alt')).toBe('" onerror="alert(4)');
    expect(document.querySelector('figure .credit')?.textContent).toBe(payload);
    expect(document.querySelector('aside a')?.getAttribute('href')).toBe('/a"onclick="alert(5)');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    '\u0001 javascript:alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('never emits the unsafe URL %j', (url) => {
    const html = toHtml(
      story([
        { type: 'paragraph', content: [text('click', [{ type: 'link', attrs: { href: url } }])] },
        { type: 'figure', attrs: { src: url, alt: 'alt', credit: 'credit' }, content: [text('caption')] },
        { type: 'relatedLink', attrs: { href: url }, content: [text('label')] },
      ]),
    );
    const document = parse(html);
    const urls = [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
    expect(urls).toEqual([]);
    expect(html.toLowerCase()).not.toMatch(/javascript|vbscript|data:/);
    // The words survive; only the link or image goes.
    expect(document.querySelector('p:not(.standfirst)')?.textContent).toBe('click');
    expect(document.querySelector('figure figcaption')?.textContent).toBe('caption credit');
    expect(document.querySelector('aside.read-more')?.textContent).toBe('READ MORE: label');
  });

  it('refuses a data: image but keeps an http one', () => {
    const html = toHtml(
      story([
        { type: 'figure', attrs: { src: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', alt: '', credit: '' } },
        { type: 'figure', attrs: { src: 'http://images.test/a.jpg', alt: '', credit: '' } },
      ]),
    );
    expect([...parse(html).querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual(['http://images.test/a.jpg']);
  });

  it('states a content security policy that runs no script', () => {
    const policy = parse(toHtml(fixtureArticleJson())).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).not.toMatch(/script-src/);
  });

  it('throws a RangeError for a document that does not fit the schema', () => {
    const article = fixtureArticleJson();
    article.doc.content = article.doc.content?.slice(1);
    expect(() => toHtml(article)).toThrow(RangeError);
    expect(() => toHtml({ meta: article.meta, doc: { type: 'doc', content: [{ type: 'script' }] } })).toThrow(RangeError);
  });
});
