import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articlePage, jsonForScript } from './articlePage.ts';
import type { PublicationInfo } from './PublicationInfo.ts';
import { pageProblems } from './test/pageProblems.ts';

const info: PublicationInfo = {
  uri: 'https://news.example.com/copydesk/articles/a1',
  url: 'https://news.example.com/site/world/north-korea-exodus',
  firstCreated: '2024-05-01T09:30:00Z',
  versionCreated: '2024-05-02T08:00:00Z',
  pubStatus: 'usable',
  siteName: 'The Example',
  correction: 'An earlier version misstated the number of ambassadors.',
  relatedStories: [{ uri: 'https://news.example.com/copydesk/articles/a9', url: '/site/asia/other', headline: 'Another <story>' }],
};

function parse(html: string) {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html');
}

describe('articlePage', () => {
  it('is a complete page with header, dates, figure, READ MORE links, related stories and correction', () => {
    const html = articlePage(fixtureArticleJson(), info);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const doc = parse(html);
    expect(doc.querySelector('title')?.textContent).toBe('North Korea sees mass exodus of foreigners due to COVID-19 | The Example');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('article header .standfirst')?.textContent).toMatch(/^Foreign diplomats/);
    expect(doc.querySelector('.byline')?.textContent).toBe('By Seoul bureau');
    expect(doc.querySelector('time.published')?.getAttribute('datetime')).toBe('2024-05-01T09:30:00.000Z');
    expect(doc.querySelector('time.updated')?.textContent).toBe('Updated 2 May 2024, 08:00 UTC');
    expect(doc.querySelector('figure img')?.getAttribute('alt')).toMatch(/railway trolley/);
    expect(doc.querySelector('figure figcaption')?.textContent).toContain('Russian Ministry of Foreign Affairs');
    expect([...doc.querySelectorAll('aside.read-more a')].map((a) => a.getAttribute('href'))).toEqual([
      '/stories/north-korea-warns-us',
      'https://news.example.com/countries-dubious-coronavirus-claims',
    ]);
    expect(doc.querySelector('.related-stories a')?.textContent).toBe('Another <story>');
    expect(doc.querySelector('.correction')?.textContent).toContain('misstated');
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(info.url);
  });

  it('carries Open Graph tags and NewsArticle JSON-LD', () => {
    const doc = parse(articlePage(fixtureArticleJson(), info));
    const og = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
    expect(og('og:type')).toBe('article');
    expect(og('og:title')).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    expect(og('og:url')).toBe(info.url);
    expect(og('og:image')).toBe('https://images.example.com/north-korea/railway-trolley.jpg');
    expect(og('article:section')).toBe('World');
    const scripts = doc.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.getAttribute('type')).toBe('application/ld+json');
    const ld = JSON.parse(scripts[0]?.textContent ?? '') as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'North Korea sees mass exodus of foreigners due to COVID-19',
      datePublished: '2024-05-01T09:30:00.000Z',
      dateModified: '2024-05-02T08:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Seoul bureau' }],
      articleSection: 'World',
      keywords: ['North Korea', 'COVID-19', 'Diplomacy'],
      image: ['https://images.example.com/north-korea/railway-trolley.jpg'],
      url: info.url,
      publisher: { '@type': 'Organization', name: 'The Example' },
    });
  });

  it('runs nothing whatever the story holds', () => {
    const article = fixtureArticleJson();
    const payload = '</script><script>alert(1)</script><!-- "\'><img src=x onerror=alert(1)>';
    article.meta.byline = payload;
    article.meta.section = payload;
    article.meta.tags = [payload];
    article.doc.content = [
      { type: 'headline', content: [{ type: 'text', text: payload }] },
      { type: 'standfirst', content: [{ type: 'text', text: payload }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          { type: 'text', text: 'y', marks: [{ type: 'link', attrs: { href: ' JaVa\tScRiPt:alert(1)' } }] },
        ],
      },
      { type: 'figure', attrs: { src: 'https://img.test/a" onerror="alert(1).jpg', alt: payload, credit: payload }, content: [] },
      { type: 'relatedLink', attrs: { href: 'data:text/html,<script>alert(1)</script>' }, content: [{ type: 'text', text: 'bad' }] },
    ];
    const html = articlePage(article, { ...info, correction: payload, relatedStories: [{ uri: 'urn:x:1', url: 'javascript:alert(1)', headline: payload }] });
    const doc = parse(html);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    for (const element of doc.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) expect(name).not.toMatch(/^on/i);
      for (const attr of ['href', 'src']) expect(element.getAttribute(attr) ?? '').not.toMatch(/^\s*(javascript|data):/i);
    }
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://img.test/a" onerror="alert(1).jpg');
    const ld = JSON.parse(doc.querySelector('script')?.textContent ?? '') as { headline: string };
    expect(ld.headline).toBe(payload);
    expect(doc.querySelector('h1')?.textContent).toBe(payload);
    expect(html).not.toContain('<!-- "');
  });

  it('is valid HTML5 with NewsArticle JSON-LD and Open Graph, for the fixture and for hostile content alike', () => {
    expect(pageProblems(articlePage(fixtureArticleJson(), info), 'article')).toEqual([]);
    const hostile = fixtureArticleJson();
    const payload = '</script><script>alert(1)</script><h1 id="x">"\'><p>';
    hostile.meta.byline = payload;
    hostile.doc.content = [
      { type: 'headline', content: [{ type: 'text', text: payload }] },
      { type: 'standfirst', content: [{ type: 'text', text: payload }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: payload }] },
      { type: 'figure', attrs: { src: 'javascript:alert(1)', alt: payload, credit: payload }, content: [{ type: 'text', text: payload }] },
      { type: 'relatedLink', attrs: { href: 'javascript:alert(1)' }, content: [{ type: 'text', text: payload }] },
    ];
    expect(pageProblems(articlePage(hostile, { ...info, correction: payload }), 'article')).toEqual([]);
    // The checker itself fails on a page that breaks the rules.
    expect(pageProblems('<html><body><h1>a</h1><h1 id="d">b</h1><p id="d"><figure></figure></p><a href="javascript:x" onclick="y">z</a></body></html>', 'article')).toEqual(
      expect.arrayContaining(['no HTML5 doctype first', 'no lang on <html>', '2 <h1>', 'duplicate id d', '<a href> uses javascript:', '<a> has an event attribute onclick', 'an empty <p> (misnested markup?)', '0 JSON-LD blocks', 'no og:title']),
    );
  });

  it('carries the site masthead linking to the front page, and the stylesheet inline', () => {
    const doc = parse(articlePage(fixtureArticleJson(), { ...info, siteUrl: 'https://news.example.com/site/' }));
    expect(doc.querySelector('header.masthead a')?.getAttribute('href')).toBe('https://news.example.com/site/');
    expect(doc.querySelector('header.masthead')?.textContent).toBe('The Example');
    expect(doc.querySelector('main > article')).not.toBeNull();
    expect(doc.querySelector('head style')?.textContent).toContain('figcaption');
  });

  it('escapes script-ending sequences in JSON-LD', () => {
    const json = jsonForScript({ a: '</script><!--\u2028&' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ a: '</script><!--\u2028&' });
  });

  it('marks a withheld publication noindex and shows no update time for a first version', () => {
    const doc = parse(articlePage(fixtureArticleJson(), { ...info, pubStatus: 'withheld', versionCreated: info.firstCreated }));
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(doc.querySelector('time.updated')).toBeNull();
  });

  it('refuses a document outside the schema', () => {
    expect(() => articlePage({ ...fixtureArticleJson(), doc: { type: 'doc', content: [{ type: 'script' }] } }, info)).toThrow(RangeError);
  });
});
