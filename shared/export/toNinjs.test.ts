import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { fromPlainText } from '../import/fromPlainText.ts';
import type { PublicationInfo } from './PublicationInfo.ts';
import { toNinjs } from './toNinjs.ts';

const standards = new URL('../../../shared/standards/ninjs/', import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, standards), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020();
addFormats(ajv);
ajv.addSchema(readSchema('GeoJSON-schema.json'));
const validate = ajv.compile(readSchema('ninjs-schema_3.1.json'));

function expectValid(item: unknown): void {
  const ok = validate(item);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const info: PublicationInfo = {
  uri: 'https://news.example.com/copydesk/articles/a1',
  url: 'https://news.example.com/site/world/north-korea-exodus',
  firstCreated: '2024-05-01T09:30:00Z',
  versionCreated: '2024-05-02T10:00:00+02:00',
  pubStatus: 'usable',
  version: 2,
  embargoedUntil: '2024-05-01T12:00:00Z',
  correction: 'An earlier version misstated the number of ambassadors.',
  relatedStories: [
    { uri: 'https://news.example.com/copydesk/articles/a0', url: '/stories/north-korea-warns-us', headline: 'North Korea warns US' },
    { uri: 'https://news.example.com/copydesk/articles/a9', url: 'https://news.example.com/site/asia/other', headline: 'Another story' },
  ],
};

const fixtureText = readFileSync(new URL('../../../shared/fixtures/article-north-korea-exodus.txt', import.meta.url), 'utf8');

describe('toNinjs', () => {
  it('validates the schema itself against a broken item (the validator can fail)', () => {
    expect(validate({ uri: 'not a uri', headlines: 'x' })).toBe(false);
    expect(validate({ uri: 'https://x.test/a', associations: [{ uri: 'https://x.test/b' }] })).toBe(false);
  });

  it("exports fixtureArticleJson() as a valid ninjs 3.1 item", () => {
    const item = toNinjs(fixtureArticleJson(), info);
    expectValid(item);
    expect(item.uri).toBe(info.uri);
    expect(item.headlines).toEqual([
      { role: 'main', contentType: 'text/plain', value: 'North Korea sees mass exodus of foreigners due to COVID-19' },
    ]);
    expect(item.by).toBe('Seoul bureau');
    expect(item.slugline).toBe('north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19');
    expect(item.subjects).toEqual([
      { name: 'North Korea', rel: 'keyword' },
      { name: 'COVID-19', rel: 'keyword' },
      { name: 'Diplomacy', rel: 'keyword' },
      { name: 'World', rel: 'section' },
    ]);
    expect(item.firstCreated).toBe('2024-05-01T09:30:00.000Z');
    expect(item.versionCreated).toBe('2024-05-02T08:00:00.000Z');
    expect(item.embargoedUntil).toBe('2024-05-01T12:00:00.000Z');
    expect(item.pubStatus).toBe('usable');
    expect(item.version).toBe('2');
    expect(item.descriptions?.map((d) => d.role)).toEqual(['summary', 'correction']);
    expect(item.renditions).toEqual([{ name: 'web', href: info.url, contentType: 'text/html' }]);
  });

  it('puts the body HTML with word and character counts that exclude captions', () => {
    const item = toNinjs(fixtureArticleJson(), info);
    const [body] = item.bodies;
    expect(body?.contentType).toBe('text/html');
    expect(body?.value).toContain('<strong>290 expatriates</strong>');
    expect(body?.value).toContain('<figcaption>');
    expect(body?.value).not.toContain('<h1>');
    expect(body?.value).not.toContain('class="standfirst"');
    const words = body?.wordCount ?? 0;
    const withoutFigure = fixtureArticleJson();
    withoutFigure.doc.content = withoutFigure.doc.content?.filter((node) => node.type !== 'figure');
    expect(toNinjs(withoutFigure, info).bodies[0]?.wordCount).toBe(words);
    expect(words).toBeGreaterThan(100);
    expect(body?.charCount).toBeGreaterThan(words * 4);
  });

  it('makes figures picture associations with caption, alt, credit and an image rendition', () => {
    const item = toNinjs(fixtureArticleJson(), info);
    const pictures = item.associations?.filter((a) => a.type === 'picture') ?? [];
    expect(pictures).toEqual([
      {
        name: 'picture-1',
        uri: 'https://images.example.com/north-korea/railway-trolley.jpg',
        type: 'picture',
        descriptions: [
          {
            role: 'caption',
            contentType: 'text/plain',
            value: 'Unable to get out of North Korea any other way, this Russian family resorted to a hand-powered railway trolley.',
          },
          {
            role: 'alternative-text',
            contentType: 'text/plain',
            value: 'A Russian family pushes a hand-powered railway trolley across the border',
          },
        ],
        by: 'Russian Ministry of Foreign Affairs',
        renditions: [{ name: 'original', href: 'https://images.example.com/north-korea/railway-trolley.jpg', contentType: 'image/jpeg' }],
      },
    ]);
  });

  it('stays valid with several authors: `by` joins them, each is a person with rel "author"', () => {
    const article = fixtureArticleJson();
    article.meta.authors = [{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }, { name: 'Agence "Wire" <AFP>' }];
    const item = toNinjs(article, info);
    expectValid(item);
    expect(item.by).toBe('Rita Porter, Ed Itor and Agence "Wire" <AFP>');
    expect(item.people).toEqual([
      { name: 'Rita Porter', rel: 'author', literal: 'rita' },
      { name: 'Ed Itor', rel: 'author' },
      { name: 'Agence "Wire" <AFP>', rel: 'author' },
    ]);
    article.meta = { ...article.meta, byline: 'Rita Porter and Ed Itor' };
    delete article.meta.authors;
    const old = toNinjs(article, info);
    expectValid(old);
    expect(old.people?.map((person) => person.name)).toEqual(['Rita Porter', 'Ed Itor']);
  });

  it('makes READ MORE links and related stories "related" associations, without duplicates', () => {
    const item = toNinjs(fixtureArticleJson(), info);
    const related = item.associations?.filter((a) => a.rel === 'related') ?? [];
    expect(related.map((a) => [a.name, a.uri, a.renditions?.[0]?.href])).toEqual([
      ['read-more-1', 'https://news.example.com/copydesk/articles/a0', 'https://news.example.com/stories/north-korea-warns-us'],
      ['read-more-2', 'https://news.example.com/countries-dubious-coronavirus-claims', 'https://news.example.com/countries-dubious-coronavirus-claims'],
      ['related-1', 'https://news.example.com/copydesk/articles/a9', 'https://news.example.com/site/asia/other'],
    ]);
    expect(related[0]?.headlines).toEqual([{ value: "North Korea warns US against 'causing a stink'" }]);
  });

  it('exports the imported fixture story as a valid item, READ MORE lines as related associations', () => {
    const item = toNinjs(fromPlainText(fixtureText), { ...info, relatedStories: [], embargoedUntil: undefined });
    expectValid(item);
    const related = item.associations?.filter((a) => a.rel === 'related') ?? [];
    expect(related.map((a) => a.headlines?.[0]?.value)).toEqual([
      "North Korea warns US against 'causing a stink'",
      'The countries making dubious coronavirus claims',
    ]);
    // No link yet: the association still has a valid, unique uri inside this item.
    expect(related.map((a) => a.uri)).toEqual([`${info.uri}#read-more-1`, `${info.uri}#read-more-2`]);
    expect(item.embargoedUntil).toBeUndefined();
  });

  it('stays valid with hostile content: unsafe and relative URLs, quotes, markup in text', () => {
    const article = fixtureArticleJson();
    article.meta.byline = '<script>alert(1)</script>';
    article.doc.content = [
      { type: 'headline', content: [{ type: 'text', text: 'Head <img src=x onerror=alert(1)>' }] },
      { type: 'standfirst' },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
      },
      { type: 'figure', attrs: { src: 'javascript:alert(1)', alt: '"><script>', credit: '' } },
      { type: 'figure', attrs: { src: '/img/a b".jpg', alt: 'x', credit: 'AP' } },
      { type: 'relatedLink', attrs: { href: 'data:text/html,<script>alert(1)</script>' }, content: [{ type: 'text', text: 'bad' }] },
    ];
    const item = toNinjs(article, { ...info, relatedStories: undefined });
    expectValid(item);
    expect(item.bodies[0]?.value).not.toMatch(/javascript:|<script|data:/i);
    const pictures = item.associations?.filter((a) => a.type === 'picture') ?? [];
    expect(pictures[0]?.uri).toBe(`${info.uri}#picture-1`);
    expect(pictures[0]?.renditions).toBeUndefined();
    expect(pictures[1]?.renditions?.[0]?.href).toBe('https://news.example.com/img/a%20b%22.jpg');
    expect(item.associations?.find((a) => a.rel === 'related')?.renditions).toBeUndefined();
  });

  it('refuses a relative uri, a bad date and a document outside the schema', () => {
    expect(() => toNinjs(fixtureArticleJson(), { ...info, uri: '/articles/a1' })).toThrow(RangeError);
    expect(() => toNinjs(fixtureArticleJson(), { ...info, firstCreated: 'yesterday' })).toThrow(RangeError);
    const bad = fixtureArticleJson();
    bad.doc.content = [{ type: 'paragraph' }];
    expect(() => toNinjs(bad, info)).toThrow(RangeError);
  });
});
