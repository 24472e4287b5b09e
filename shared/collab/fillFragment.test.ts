import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleNode } from '../article/articleNode.ts';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articleSchema } from '../editor/schema.ts';
import { DOC_FIELD } from './docFields.ts';
import { fillFragment } from './fillFragment.ts';
import { storyDoc } from './test/storyDocArbitrary.ts';

// The Yjs update of a document with client id 1 after `fill` wrote its fragment.
function stateAfter(fill: (fragment: Y.XmlFragment) => void): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.clientID = 1;
  fill(ydoc.getXmlFragment(DOC_FIELD));
  return Y.encodeStateAsUpdate(ydoc);
}

const sameAsYProsemirror = (json: Parameters<typeof articleNode>[0]): void => {
  const ours = stateAfter((fragment) => fragment.doc!.transact(() => fillFragment(fragment, articleNode(json))));
  const theirs = stateAfter((fragment) => fragment.doc!.transact(() => prosemirrorJSONToYXmlFragment(articleSchema, json, fragment)));
  expect(Buffer.from(ours).toString('base64')).toBe(Buffer.from(theirs).toString('base64'));
};

describe('fillFragment', () => {
  it('writes the fixture story byte for byte as y-prosemirror does', () => {
    sameAsYProsemirror(fixtureArticleJson().doc);
  });

  it('writes any story byte for byte as y-prosemirror does (property)', () => {
    fc.assert(fc.property(storyDoc, (json) => sameAsYProsemirror(json)), { numRuns: 300 });
  });

  it('refuses a mark that may overlap itself, which y-prosemirror would store under a hashed name', () => {
    const marks = { ...articleSchema.spec.marks.toObject(), comment: { excludes: '', attrs: { id: {} } } };
    const schema = new (articleSchema.constructor as typeof import('@tiptap/pm/model').Schema)({ nodes: articleSchema.spec.nodes, marks });
    const doc = schema.node('doc', null, [
      schema.node('headline', null, [schema.text('H')]),
      schema.node('standfirst'),
      schema.node('paragraph', null, [schema.text('P', [schema.mark('comment', { id: 'a' })])]),
    ]);
    const ydoc = new Y.Doc();
    expect(() => fillFragment(ydoc.getXmlFragment(DOC_FIELD), doc)).toThrow(/may overlap itself/);
  });
});
