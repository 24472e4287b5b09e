import { describe, expect, it } from 'vitest';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { cleanArticle } from './cleanArticle.ts';
import { findUnsafeCharacter } from './cleanText.ts';

function everyString(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => everyString(item, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => everyString(item, found));
  return found;
}

describe('cleanArticle', () => {
  it('strips unsafe characters from texts, node and mark attributes and meta, and keeps everything else', () => {
    const article: ArticleJson = {
      meta: { byline: 'Ada\u0000 Lovelace', slug: 'ferry\u202e', section: 'news\n', tags: ['a\u0007', 'a', '\u2066'] },
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Ferry\u202e strike' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'tab\tkept, NUL\u0000 gone', marks: [{ type: 'link', attrs: { href: 'https://x.example/\u0000', target: null } }, { type: 'bold' }] },
            ],
          },
          { type: 'figure', attrs: { src: 'https://images.example/a.png', alt: 'Quay\u2067', credit: 'AP\u0085', width: 3 } },
        ],
      },
    };
    const before = structuredClone(article);
    const cleaned = cleanArticle(article);
    expect(article).toEqual(before);
    expect(cleaned).toEqual({
      meta: { byline: 'Ada Lovelace', slug: 'ferry', section: 'news ', tags: ['a'] },
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Ferry strike' }] },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'tab\tkept, NUL gone', marks: [{ type: 'link', attrs: { href: 'https://x.example/', target: null } }, { type: 'bold' }] }],
          },
          { type: 'figure', attrs: { src: 'https://images.example/a.png', alt: 'Quay', credit: 'AP', width: 3 } },
        ],
      },
    });
  });

  it('leaves a clean story exactly as it is', () => {
    const article = fixtureArticleJson();
    expect(cleanArticle(article)).toEqual(article);
    expect(everyString(cleanArticle(article)).every((text) => findUnsafeCharacter(text, 'text') === null)).toBe(true);
  });
});
