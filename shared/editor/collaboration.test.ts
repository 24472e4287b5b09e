// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { linkedDocs, useCollaborativeEditors } from './test/collaborativeEditors.ts';
import { initialArticleState } from '../article/initialArticleState.ts';
import { readArticle } from '../article/readArticle.ts';
import { toJson } from '../export/toJson.ts';
import { withoutSuggestions } from './suggestions/withoutSuggestions.ts';

const collaborativeEditor = useCollaborativeEditors();

const endOfBody = (editor: Editor) => TextSelection.atEnd(editor.state.doc);

describe('the schema through Yjs', () => {
  it('two editors on one story converge on figures, READ MORE links and text', () => {
    const [docA, docB] = linkedDocs();
    const alice = collaborativeEditor(docA);
    const bob = collaborativeEditor(docB);
    expect(alice.getJSON()).toEqual(readArticle(docA).doc);

    alice.view.dispatch(alice.state.tr.setSelection(endOfBody(alice)));
    alice.commands.insertContent('Alice writes.');
    bob.view.dispatch(bob.state.tr.setSelection(TextSelection.create(bob.state.doc, 3)));
    bob.commands.setFigure({ src: 'https://img.test/trolley.jpg', alt: 'Trolley', credit: 'MFA', caption: 'A family' });
    alice.view.dispatch(alice.state.tr.setSelection(endOfBody(alice)));
    alice.commands.setRelatedLink({ href: '/stories/other', label: 'Other story' });

    expect(alice.getJSON()).toEqual(bob.getJSON());
    const stored = toJson(readArticle(docB));
    // The JSON export is the plain schema: no suggestion attribute on figures and READ MORE links.
    expect(stored.doc).toEqual(withoutSuggestions(bob.getJSON()));
    expect(stored.doc.content?.map((node) => node.type)).toEqual([
      'headline', 'standfirst', 'figure', 'paragraph', 'relatedLink', 'paragraph',
    ]);
    expect(stored.doc.content?.[2]?.attrs).toEqual({ src: 'https://img.test/trolley.jpg', alt: 'Trolley', credit: 'MFA' });
  });

  it('an editor opening a story does not add content of its own', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initialArticleState('Exodus'));
    const before = Y.encodeStateVector(ydoc);
    collaborativeEditor(ydoc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
    expect(readArticle(ydoc).doc.content).toHaveLength(3);
  });
});
