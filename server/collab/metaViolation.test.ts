import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { metaMap, setAuthors } from '../../shared/article/meta.ts';
import { metaViolation } from './metaViolation.ts';

describe('metaViolation on authors', () => {
  it('refuses authors that are not a list of { name, username? }', () => {
    const ydoc = new Y.Doc();
    const meta = metaMap(ydoc);
    meta.set('authors', 'Rita');
    expect(metaViolation(meta)?.path).toBe('meta.authors');
    const list = new Y.Array<unknown>();
    meta.set('authors', list);
    list.push([{ name: 'Ana' }, { name: 'Bo', role: 'x' }]);
    expect(metaViolation(meta)?.path).toBe('meta.authors[1]');
    list.delete(1, 1);
    list.push([{ name: 3 }]);
    expect(metaViolation(meta)?.path).toBe('meta.authors[1]');
    list.delete(1, 1);
    expect(metaViolation(meta)).toBeNull();
    setAuthors(ydoc, [{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }]);
    expect(metaViolation(meta)).toBeNull();
  });
});
