import { describe, expect, it } from 'vitest';
import { parseRoute, storyPath } from './router.ts';

describe('parseRoute', () => {
  it('maps the root to the story list', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' });
  });

  it('maps /stories/:id to the editor and decodes the id', () => {
    expect(parseRoute('/stories/abc_12-3')).toEqual({ page: 'story', id: 'abc_12-3' });
    expect(parseRoute('/stories/a%20b/')).toEqual({ page: 'story', id: 'a b' });
  });

  it('maps /users to user management', () => {
    expect(parseRoute('/users')).toEqual({ page: 'users' });
  });

  it('round-trips storyPath', () => {
    const id = 'x/y z';
    expect(parseRoute(storyPath(id))).toEqual({ page: 'story', id });
  });

  it('reports anything else as not found', () => {
    expect(parseRoute('/stories/')).toEqual({ page: 'notFound', path: '/stories/' });
    expect(parseRoute('/stories/a/b')).toEqual({ page: 'notFound', path: '/stories/a/b' });
  });
});
