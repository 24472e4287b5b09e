import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialArticleState } from './initialArticleState.ts';
import { observeMeta, readMeta, setMetaText, setTags } from './meta.ts';

/** Two replicas of one story that exchange every update, like two browsers through the server. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  Y.applyUpdate(a, initialArticleState('Story'));
  return [a, b];
}

/** Two replicas that edit apart, then exchange their states. */
function mergeOffline(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('meta helpers', () => {
  it('edits made on one replica appear on the other', () => {
    const [a, b] = pair();
    setMetaText(a, 'byline', 'Jane Doe');
    setMetaText(b, 'section', 'World');
    setTags(a, ['North Korea', 'COVID-19']);
    expect(readMeta(b)).toEqual({ byline: 'Jane Doe', slug: 'story', section: 'World', tags: ['North Korea', 'COVID-19'] });
    expect(readMeta(a)).toEqual(readMeta(b));
  });

  it('keeps both tags added at the same time on two replicas', () => {
    const a = new Y.Doc();
    Y.applyUpdate(a, initialArticleState('Story'));
    setTags(a, ['Asia']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTags(a, ['Asia', 'North Korea']);
    setTags(b, ['Asia', 'COVID-19']);
    mergeOffline(a, b);
    expect(readMeta(a)).toEqual(readMeta(b));
    expect([...readMeta(a).tags].sort()).toEqual(['Asia', 'COVID-19', 'North Korea']);
  });

  it('converges when two replicas set the same field at once', () => {
    const a = new Y.Doc();
    Y.applyUpdate(a, initialArticleState('Story'));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setMetaText(a, 'byline', 'Ann');
    setMetaText(b, 'byline', 'Bob');
    mergeOffline(a, b);
    expect(readMeta(a).byline).toBe(readMeta(b).byline);
    expect(['Ann', 'Bob']).toContain(readMeta(a).byline);
  });

  it('setTags normalizes, reorders and removes with the smallest edit', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initialArticleState('Story'));
    setTags(ydoc, [' a ', 'b', 'A', '', 'c']);
    expect(readMeta(ydoc).tags).toEqual(['a', 'b', 'c']);
    setTags(ydoc, ['c', 'a']);
    expect(readMeta(ydoc).tags).toEqual(['c', 'a']);
    setTags(ydoc, []);
    expect(readMeta(ydoc).tags).toEqual([]);
  });

  it('produces no update when nothing changes', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initialArticleState('Story'));
    setMetaText(ydoc, 'byline', 'Jane');
    setTags(ydoc, ['x']);
    let updates = 0;
    ydoc.on('update', () => (updates += 1));
    setMetaText(ydoc, 'byline', 'Jane');
    setTags(ydoc, ['x']);
    expect(updates).toBe(0);
  });

  it('observeMeta reports remote edits, tag edits included, until stopped', () => {
    const [a, b] = pair();
    const seen: string[][] = [];
    const stop = observeMeta(b, (meta) => seen.push([meta.byline, ...meta.tags]));
    setMetaText(a, 'byline', 'Jane');
    setTags(a, ['x']);
    stop();
    setMetaText(a, 'byline', 'Later');
    expect(seen).toEqual([['Jane'], ['Jane', 'x']]);
  });

  it('reads a missing or malformed meta map as empty', () => {
    const ydoc = new Y.Doc();
    expect(readMeta(ydoc)).toEqual({ byline: '', slug: '', section: '', tags: [] });
    ydoc.getMap('meta').set('byline', 42);
    ydoc.getMap('meta').set('tags', 'not a list');
    expect(readMeta(ydoc)).toEqual({ byline: '', slug: '', section: '', tags: [] });
  });
});
