import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { rewriteStoryLinks } from './rewriteStoryLinks.ts';
import { parseStoryLink } from './storyLink.ts';

describe('parseStoryLink', () => {
  it('recognizes editor and site links, relative or on an own origin', () => {
    expect(parseStoryLink('/stories/abc?x=1#y')).toEqual({ kind: 'id', id: 'abc' });
    expect(parseStoryLink('/site/world/some-story')).toEqual({ kind: 'site', section: 'world', slug: 'some-story' });
    expect(parseStoryLink('/site/world/some-story.json')).toEqual({ kind: 'site', section: 'world', slug: 'some-story' });
    expect(parseStoryLink('https://news.example.com/site/a/b', ['https://news.example.com'])).toEqual({ kind: 'site', section: 'a', slug: 'b' });
    expect(parseStoryLink('https://news.example.com/site/a/b')).toBeNull();
    expect(parseStoryLink('//evil.example/stories/a')).toBeNull();
    expect(parseStoryLink('/stories/a/b')).toBeNull();
    expect(parseStoryLink('mailto:desk@example.com')).toBeNull();
    expect(parseStoryLink('/stories/%E0%A4%A')).toBeNull();
  });
});

describe('rewriteStoryLinks', () => {
  it('points READ MORE blocks and links to Copydesk stories at their public pages, leaving the rest', () => {
    const article = fixtureArticleJson();
    article.doc.content!.push({
      type: 'paragraph',
      content: [{ type: 'text', text: 'see', marks: [{ type: 'link', attrs: { href: '/stories/other' } }] }],
    });
    const before = JSON.stringify(article);
    const out = rewriteStoryLinks(article, (ref) => (ref.kind === 'id' ? `https://news.example.com/site/world/${ref.id}` : null));
    expect(JSON.stringify(article)).toBe(before);
    const related = out.doc.content!.filter((block) => block.type === 'relatedLink').map((block) => block.attrs!.href);
    expect(related).toEqual(['https://news.example.com/site/world/north-korea-warns-us', 'https://news.example.com/countries-dubious-coronavirus-claims']);
    expect(out.doc.content!.at(-1)!.content![0]!.marks![0]!.attrs!.href).toBe('https://news.example.com/site/world/other');
  });
});
