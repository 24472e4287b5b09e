import { describe, expect, it } from 'vitest';
import { HEAVY_REQUEST_POINTS, requestCost } from './requestCost.ts';

describe('requestCost', () => {
  it('charges whole-story work heavily: exports, previews, comparisons, versions kept or restored, imports, publishing', () => {
    for (const [method, path] of [
      ['GET', '/articles/abc/export'],
      ['GET', '/articles/abc/preview'],
      ['GET', '/articles/abc/versions/3/compare'],
      ['POST', '/articles/abc/versions'],
      ['POST', '/articles/abc/versions/3/restore'],
      ['POST', '/articles/abc/versions/3/blocks/restore'],
      ['POST', '/articles/import'],
      ['POST', '/articles/abc/publish'],
    ] as const) {
      expect(requestCost(method, path), `${method} ${path}`).toBe(HEAVY_REQUEST_POINTS);
    }
  });

  it('charges one point for the page’s own reads and for small changes, whatever the method of a heavy path', () => {
    for (const [method, path] of [
      ['GET', '/articles'],
      ['GET', '/articles/abc'],
      ['GET', '/articles/abc/authorship'],
      ['GET', '/articles/abc/comments'],
      ['GET', '/articles/abc/versions'],
      ['GET', '/articles/abc/versions/3'],
      ['POST', '/articles/abc/comments'],
      ['POST', '/articles'],
      ['GET', '/me'],
      ['DELETE', '/articles/abc/export'],
      ['GET', '/articles/abc/export/more'],
      ['GET', '/articles/a/b/export'],
    ] as const) {
      expect(requestCost(method, path), `${method} ${path}`).toBe(1);
    }
  });
});
