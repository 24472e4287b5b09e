import { describe, expect, it } from 'vitest';
import { publishWarnings } from './publishWarnings.ts';

describe('publishWarnings', () => {
  it('warns about a missing section and a byline that names nobody', () => {
    expect(publishWarnings({ byline: '', section: ' ' }).map((w) => w.id)).toEqual(['section_missing', 'byline_missing']);
    expect(publishWarnings({ byline: 'By ', section: 'World' }).map((w) => w.id)).toEqual(['byline_missing']);
    expect(publishWarnings({ byline: 'stale', section: 'World', authors: [] }).map((w) => w.id)).toEqual(['byline_missing']);
  });

  it('is quiet when both are there, from an old plain byline or a list of authors', () => {
    expect(publishWarnings({ byline: 'Rita Porter', section: 'World' })).toEqual([]);
    expect(publishWarnings({ byline: '', section: 'World', authors: [{ name: 'Rita Porter', username: 'rita' }] })).toEqual([]);
  });
});
