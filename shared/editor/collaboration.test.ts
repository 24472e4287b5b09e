// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../collab/docFields.ts';
import { initialArticleState } from '../article/initialArticleState.ts';
import { readArticle } from '../article/readArticle.ts';
import { toJson } from '../export/toJson.ts';
import { articleExtensions } from './extensions.ts';
import { withoutSuggestions } from './suggestions/withoutSuggestions.ts';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function collaborativeEditor(ydoc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...articleExtensions(), Collaboration.configure({ document: ydoc, field: DOC_FIELD })],
  });
  editors.push(editor);
  return editor;
}

/** Two replicas of one story relaying every update, as the server does between two browsers. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, initialArticleState('Exodus'));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}

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
