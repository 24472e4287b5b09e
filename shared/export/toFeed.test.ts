import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { toFeed, type FeedEntry, type FeedInfo } from './toFeed.ts';

function parse(xml: string): Document {
  const doc = new new Window().DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
  expect(doc.querySelector('parsererror')?.textContent ?? null).toBeNull();
  return doc;
}


const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What RFC 4287 requires of a feed and its entries, as a list of breaches (empty when valid). */
function atomProblems(doc: Document): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  if (root.tagName !== 'feed' || root.getAttribute('xmlns') !== 'http://www.w3.org/2005/Atom') problems.push('root is not an Atom feed');
  const own = (parent: Element, name: string) => [...parent.children].filter((child) => child.tagName === name);
  const once = (parent: Element, name: string, where: string) => {
    const found = own(parent, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}>`);
    return found[0];
  };
  once(root, 'title', 'feed');
  once(root, 'id', 'feed');
  const updated = once(root, 'updated', 'feed');
  if (updated && !RFC3339.test(updated.textContent ?? '')) problems.push('feed updated is not RFC 3339');
  const feedHasAuthor = own(root, 'author').some((author) => own(author, 'name').length === 1);
  const ids = new Set<string>();
  own(root, 'entry').forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    once(entry, 'title', where);
    const id = once(entry, 'id', where)?.textContent ?? '';
    if (ids.has(id)) problems.push(`${where} repeats id ${id}`);
    ids.add(id);
    for (const name of ['updated', 'published']) {
      const date = own(entry, name)[0];
      if (name === 'updated' && !date) problems.push(`${where} has no updated`);
      if (date && !RFC3339.test(date.textContent ?? '')) problems.push(`${where} ${name} is not RFC 3339`);
    }
    if (!own(entry, 'link').some((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate')) problems.push(`${where} has no alternate link`);
    if (!feedHasAuthor && !own(entry, 'author').some((author) => own(author, 'name').length === 1)) problems.push(`${where} has no author, nor has the feed`);
  });
  return problems;
}

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  id: 'https://news.example.com/copydesk/articles/a1',
  title: 'North Korea sees mass exodus',
  url: 'https://news.example.com/site/world/north-korea-sees-mass-exodus',
  published: '2024-05-01T09:30:00Z',
  updated: '2024-05-02T10:00:00+02:00',
  summary: 'Diplomats have fled.',
  author: 'Seoul bureau',
  section: 'World',
  tags: ['North Korea', 'COVID-19'],
  ...over,
});

const feed = (entries: FeedEntry[]): FeedInfo => ({
  title: 'The Example News',
  siteUrl: 'https://news.example.com/site/',
  feedUrl: 'https://news.example.com/site/feed.xml',
  generatedAt: '2024-06-01T00:00:00Z',
  entries,
});

describe('toFeed', () => {
  it('is a valid Atom document: required elements, unique ids, RFC 3339 dates, an author for every entry', () => {
    const doc = parse(toFeed(feed([entry(), entry({ id: 'https://news.example.com/copydesk/articles/a2', author: undefined, summary: undefined })])));
    expect(atomProblems(doc)).toEqual([]);
    expect(doc.querySelector('feed > author > name')?.textContent).toBe('The Example News');
    // The checker itself catches an entry without author in a feed without one.
    doc.documentElement.removeChild(doc.querySelector('feed > author') as Element);
    expect(atomProblems(doc)).toEqual(['entry 2 has no author, nor has the feed']);
  });

  it('the well-formedness check itself can fail', () => {
    const doc = new new Window().DOMParser().parseFromString('<feed><title>x</feed>', 'application/xml');
    expect(doc.querySelector('parsererror')).not.toBeNull();
  });

  it('writes an Atom feed with one entry per story, in the given order', () => {
    const xml = toFeed(feed([entry(), entry({ id: 'https://news.example.com/copydesk/articles/a2', title: 'Second', updated: '2024-05-03T00:00:00Z' })]));
    const doc = parse(xml);
    const root = doc.documentElement;
    expect(root.tagName.toLowerCase()).toBe('feed');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(doc.querySelector('feed > updated')?.textContent).toBe('2024-05-03T00:00:00.000Z');
    expect(doc.querySelector('feed > link[rel="self"]')?.getAttribute('href')).toBe('https://news.example.com/site/feed.xml');
    const entries = [...doc.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('title')?.textContent)).toEqual(['North Korea sees mass exodus', 'Second']);
    const first = entries[0]!;
    expect(first.querySelector('link')?.getAttribute('href')).toBe('https://news.example.com/site/world/north-korea-sees-mass-exodus');
    expect(first.querySelector('id')?.textContent).toBe('https://news.example.com/copydesk/articles/a1');
    expect(first.querySelector('published')?.textContent).toBe('2024-05-01T09:30:00.000Z');
    expect(first.querySelector('updated')?.textContent).toBe('2024-05-02T08:00:00.000Z');
    expect(first.querySelector('author > name')?.textContent).toBe('Seoul bureau');
    expect([...first.querySelectorAll('category')].map((c) => c.getAttribute('term'))).toEqual(['World', 'North Korea', 'COVID-19']);
    expect(first.querySelector('summary')?.textContent).toBe('Diplomats have fled.');
  });

  it('escapes hostile text and drops characters XML cannot carry', () => {
    const hostile = '</title><script>alert(1)</script> & "q" \u0001\uffff';
    const xml = toFeed(feed([entry({ title: hostile, summary: hostile, author: hostile, tags: ['"><x a="'], section: '<b>' })]));
    const doc = parse(xml);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
    expect(doc.querySelector('entry > title')?.textContent).toBe('</title><script>alert(1)</script> & "q"');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect([...doc.querySelectorAll('category')].map((c) => c.getAttribute('term'))).toEqual(['<b>', '"><x a="']);
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() => toFeed(feed([entry({ url: 'javascript:alert(1)' })]))).toThrow(RangeError);
    expect(() => toFeed(feed([entry({ url: '/site/world/x' })]))).toThrow(RangeError);
    expect(() => toFeed({ ...feed([]), siteUrl: 'data:text/html,x' })).toThrow(RangeError);
    expect(() => toFeed(feed([entry({ published: 'yesterday' })]))).toThrow(RangeError);
  });

  it('an empty feed is still valid and dated', () => {
    const doc = parse(toFeed(feed([])));
    expect(doc.querySelectorAll('entry')).toHaveLength(0);
    expect(doc.querySelector('feed > updated')?.textContent).toBe('2024-06-01T00:00:00.000Z');
  });
});
