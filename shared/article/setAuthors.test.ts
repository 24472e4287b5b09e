import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readMeta, setAuthors, setMetaText } from './meta.ts';
import { articleState } from './articleState.ts';
import { fixtureArticleJson } from './fixtureArticle.ts';
import { readArticle } from './readArticle.ts';

describe('setAuthors', () => {
  it('writes the authors list and the plain-text byline together, and reads them back', () => {
    const ydoc = new Y.Doc();
    setMetaText(ydoc, 'byline', 'Old Text');
    expect(readMeta(ydoc).authors).toBeUndefined();
    setAuthors(ydoc, [{ name: 'Rita Porter', username: 'rita' }, { name: ' Ed  Itor ' }]);
    expect(readMeta(ydoc)).toMatchObject({
      byline: 'Rita Porter and Ed Itor',
      authors: [{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }],
    });
    setAuthors(ydoc, []);
    expect(readMeta(ydoc)).toMatchObject({ byline: '', authors: [] });
  });

  it('produces no update when nothing changes', () => {
    const ydoc = new Y.Doc();
    setAuthors(ydoc, [{ name: 'Ana' }]);
    let updates = 0;
    ydoc.on('update', () => (updates += 1));
    setAuthors(ydoc, [{ name: 'Ana' }]);
    expect(updates).toBe(0);
  });

  it('seeds a story with its authors (articleState) and reads them back (readArticle)', () => {
    const article = fixtureArticleJson();
    article.meta.authors = [{ name: 'Rita Porter', username: 'rita' }];
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, articleState(article));
    expect(readArticle(ydoc).meta.authors).toEqual([{ name: 'Rita Porter', username: 'rita' }]);
  });
});
