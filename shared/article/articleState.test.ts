import { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { articleState } from './articleState.ts';
import { fixtureArticleJson } from './fixtureArticle.ts';
import { readArticle } from './readArticle.ts';
import { initialArticleState } from './initialArticleState.ts';
import { articleSchema } from '../editor/schema.ts';
import type { ArticleJson } from './ArticleJson.ts';

function load(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

function sameStory(actual: ArticleJson, expected: ArticleJson): void {
  expect(actual.meta).toEqual(expected.meta);
  // Reading back fills in attribute defaults: compare as ProseMirror nodes.
  const a = PMNode.fromJSON(articleSchema, actual.doc);
  const b = PMNode.fromJSON(articleSchema, expected.doc);
  expect(a.eq(b), JSON.stringify(a.toJSON())).toBe(true);
}

describe('articleState', () => {
  it('round-trips a whole story, meta and document, through Yjs', () => {
    const fixture = fixtureArticleJson();
    const ydoc = load(articleState(fixture));
    sameStory(readArticle(ydoc), fixture);
    expect(ydoc.getMap('meta').get('tags')).toBeInstanceOf(Y.Array);
  });

  it('gives the same story as initialArticleState for a new headline', () => {
    const fromInitial = readArticle(load(initialArticleState('Storm hits the coast')));
    sameStory(readArticle(load(articleState(fromInitial))), fromInitial);
  });

  it('refuses a document that does not fit the schema', () => {
    const story = fixtureArticleJson();
    story.doc = { type: 'doc', content: [{ type: 'nonsense' }] };
    expect(() => articleState(story)).toThrow(RangeError);
  });
});
