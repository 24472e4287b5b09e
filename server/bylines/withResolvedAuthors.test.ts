import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { withResolvedAuthors } from './withResolvedAuthors.ts';

const users = {
  findByUsername: async (username: string) => (username.toLowerCase() === 'rita' ? ({ displayName: 'Rita Porter-Lane' } as never) : null),
};

describe('withResolvedAuthors', () => {
  it('names account authors as the directory does now and rebuilds the plain byline', async () => {
    const article = fixtureArticleJson();
    article.meta = { ...article.meta, byline: 'stale text', authors: [{ name: 'Rita', username: 'rita' }, { name: 'Gone', username: 'gone' }, { name: 'Ed Itor' }] };
    const resolved = await withResolvedAuthors(article, users);
    expect(resolved.meta.authors).toEqual([{ name: 'Rita Porter-Lane', username: 'rita' }, { name: 'Gone', username: 'gone' }, { name: 'Ed Itor' }]);
    expect(resolved.meta.byline).toBe('Rita Porter-Lane, Gone and Ed Itor');
    expect(article.meta.byline).toBe('stale text');
  });

  it('keeps free-text authors and rebuilds a stale byline; leaves a story without a list alone', async () => {
    const article = fixtureArticleJson();
    article.meta = { ...article.meta, byline: 'typed over by an old client', authors: [{ name: 'Ed Itor' }] };
    expect((await withResolvedAuthors(article, users)).meta.byline).toBe('Ed Itor');
    const old = fixtureArticleJson();
    expect(await withResolvedAuthors(old, users)).toBe(old);
  });
});
