import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articleSchema } from '../editor/schema.ts';
import { DOC_FIELD } from './docFields.ts';
import { fragmentJson, markNameOf } from './fragmentJson.ts';
import { storyDoc } from './test/storyDocArbitrary.ts';

const fragmentOf = (json: object): Y.XmlFragment => {
  const fragment = new Y.Doc().getXmlFragment(DOC_FIELD);
  prosemirrorJSONToYXmlFragment(articleSchema, json, fragment);
  return fragment;
};

/** Something a client could write straight through Yjs, whether or not it fits the schema. */
type Write = (fragment: Y.XmlFragment) => void;

const writes: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ name: fc.constantFrom('paragraph', 'widget', 'headline', 'figure'), attrs: fc.constantFrom({}, { src: '/a.jpg' }, { level: 2, bogus: 'x' }) }).map(
    ({ name, attrs }): Write =>
      (fragment) => {
        const element = new Y.XmlElement(name);
        fragment.insert(0, [element]);
        for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
        element.insert(0, [new Y.XmlText('typed')]);
      },
  ),
  fc.record({ mark: fc.constantFrom('bold', 'link--abcdefgh', 'blink', 'suggestionInsert'), attrs: fc.constantFrom({}, { href: 'x' }, true) }).map(
    ({ mark, attrs }): Write =>
      (fragment) => {
        const element = fragment.get(fragment.length - 1);
        if (!(element instanceof Y.XmlElement)) return;
        const text = new Y.XmlText();
        element.insert(element.length, [text]);
        text.insert(0, 'formatted', { [mark]: attrs });
        text.insert(0, 'plain ');
      },
  ),
  fc.constant<Write>((fragment) => {
    const element = fragment.get(0);
    if (element instanceof Y.XmlElement) element.insert(0, [new Y.XmlElement('hardBreak')]);
  }),
  fc.constant<Write>((fragment) => fragment.delete(0, Math.min(1, fragment.length))),
);

describe('fragmentJson', () => {
  it('reads the fixture story as y-prosemirror reads it', () => {
    const fragment = fragmentOf(fixtureArticleJson().doc);
    expect(fragmentJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment));
  });

  it('reads any story, and whatever a client wrote over it, as y-prosemirror reads it (property)', () => {
    fc.assert(
      fc.property(storyDoc, fc.array(writes, { maxLength: 6 }), (json, changes) => {
        const fragment = fragmentOf(json);
        expect(fragmentJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment));
        for (const change of changes) fragment.doc!.transact(() => change(fragment));
        expect(fragmentJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a hashed mark attribute under its mark name', () => {
    expect(markNameOf('link--abcdefgh')).toBe('link');
    expect(markNameOf('link--short')).toBe('link--short');
    expect(markNameOf('bold')).toBe('bold');
  });
});
