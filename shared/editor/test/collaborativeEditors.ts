// Test helpers: Tiptap editors bound to Y.Docs that relay every update, as the server does between browsers.
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { initialArticleState } from '../../article/initialArticleState.ts';
import { DOC_FIELD } from '../../collab/docFields.ts';
import { articleExtensions } from '../extensions.ts';

/** Returns a factory of collaborative editors on the article schema, destroyed after each test. */
export function useCollaborativeEditors(): (ydoc: Y.Doc) => Editor {
  const editors: Editor[] = [];
  afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));
  return (ydoc) => {
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [...articleExtensions(), Collaboration.configure({ document: ydoc, field: DOC_FIELD })],
    });
    editors.push(editor);
    return editor;
  };
}

/** Two replicas of one new story relaying every update to each other. */
export function linkedDocs(headline = 'Exodus'): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, initialArticleState(headline));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}
