import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articlePage } from './articlePage.ts';
import type { PublicationInfo } from './PublicationInfo.ts';
import { toHtml } from './toHtml.ts';
import { toMarkdown } from './toMarkdown.ts';
import { toNinjs } from './toNinjs.ts';
import { toText } from './toText.ts';

const standards = new URL('../../../shared/standards/ninjs/', import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, standards), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020();
addFormats(ajv);
ajv.addSchema(readSchema('GeoJSON-schema.json'));
const validate = ajv.compile(readSchema('ninjs-schema_3.1.json'));

const info: PublicationInfo = {
  uri: 'https://news.example.com/copydesk/articles/a1',
  url: 'https://news.example.com/site/world/story',
  firstCreated: '2024-05-01T09:30:00Z',
  versionCreated: '2024-05-01T09:30:00Z',
  pubStatus: 'usable',
};

function jsonLd(html: string): Record<string, unknown> {
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html');
  return JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '') as Record<string, unknown>;
}

function story(meta: { byline: string; authors?: Array<{ name: string; username?: string }> }) {
  const article = fixtureArticleJson();
  article.meta = { ...article.meta, ...meta };
  if (!meta.authors) delete article.meta.authors;
  return article;
}

describe('bylines in exports', () => {
  const twoAuthors = story({ byline: 'ignored when there are authors', authors: [{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }] });

  it('gives JSON-LD one Person per author, account and free text alike', () => {
    expect(jsonLd(articlePage(twoAuthors, info)).author).toEqual([
      { '@type': 'Person', name: 'Rita Porter' },
      { '@type': 'Person', name: 'Ed Itor' },
    ]);
  });

  it('splits an old plain-text byline into one Person per name', () => {
    expect(jsonLd(articlePage(story({ byline: 'By Rita Porter and Ed Itor' }), info)).author).toEqual([
      { '@type': 'Person', name: 'Rita Porter' },
      { '@type': 'Person', name: 'Ed Itor' },
    ]);
    expect(jsonLd(articlePage(story({ byline: 'Ana, Bo and Cy' }), info)).author).toHaveLength(3);
  });

  it('leaves the author out when nobody is named', () => {
    expect(jsonLd(articlePage(story({ byline: '', authors: [] }), info)).author).toBeUndefined();
    expect(toNinjs(story({ byline: '' }), info)).not.toHaveProperty('by');
    expect(toNinjs(story({ byline: '' }), info)).not.toHaveProperty('people');
  });

  it('gives ninjs the joined byline as `by` and each author as a person with rel "author", still valid', () => {
    const item = toNinjs(twoAuthors, info);
    expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    expect(item.by).toBe('Rita Porter and Ed Itor');
    expect(item.people).toEqual([
      { name: 'Rita Porter', rel: 'author', literal: 'rita' },
      { name: 'Ed Itor', rel: 'author' },
    ]);
    const three = toNinjs(story({ byline: 'By Ana, Bo, and Cy' }), info);
    expect(validate(three), JSON.stringify(validate.errors)).toBe(true);
    expect(three.by).toBe('Ana, Bo and Cy');
    expect(three.people?.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it('prints "By A and B" once in the page, HTML, Markdown and text, never "By By"', () => {
    const old = story({ byline: 'By Rita Porter and Ed Itor' });
    const page = new new Window().DOMParser().parseFromString(articlePage(old, info), 'text/html');
    expect(page.querySelector('.byline')?.textContent).toBe('By Rita Porter and Ed Itor');
    expect(toHtml(twoAuthors)).toContain('<p class="byline">By Rita Porter and Ed Itor</p>');
    expect(toMarkdown(old)).toContain('By Rita Porter and Ed Itor');
    expect(toText(twoAuthors)).toContain('\nBy Rita Porter and Ed Itor\n');
  });
});
