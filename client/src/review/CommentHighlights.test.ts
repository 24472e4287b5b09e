// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initialArticleState } from '../../../shared/article/initialArticleState.ts';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';
import { articleExtensions } from '../../../shared/editor/extensions.ts';
import { addThread } from '../../../shared/review/commentThreads.ts';
import { CommentHighlights, threadsAt } from './CommentHighlights.ts';
import { setCommentHighlights } from './setCommentHighlights.ts';
import { watchThreads } from './watchThreads.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const author = { id: 'ed', name: 'Ed', color: '#aa3300' };

/** An editor on `ydoc` whose highlights follow the threads in the Y.Doc, as the story page wires it. */
function reviewingEditor(ydoc: Y.Doc, onActivate: (id: string) => void = () => {}): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...articleExtensions(), Collaboration.configure({ document: ydoc, field: DOC_FIELD }), CommentHighlights.configure({ onActivate })],
  });
  const stop = watchThreads(ydoc, (threads) =>
    setCommentHighlights(
      editor,
      threads.flatMap((thread) => (thread.from === null || thread.to === null || thread.resolved ? [] : [{ id: thread.id, from: thread.from, to: thread.to, active: false }])),
    ),
  );
  cleanups.push(() => {
    stop();
    editor.destroy();
  });
  return editor;
}

function highlighted(editor: Editor): { id: string | null; text: string }[] {
  return [...editor.view.dom.querySelectorAll('.comment-highlight')].map((span) => ({
    id: span.getAttribute('data-thread-id'),
    text: span.textContent ?? '',
  }));
}

function positionOf(editor: Editor, words: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(words)) found = pos + node.text.indexOf(words);
  });
  if (found < 0) throw new Error(`"${words}" is not in the story`);
  return found;
}

describe('comment highlights', () => {
  it('highlights the words a thread is on and keeps them highlighted while others edit before them', async () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initialArticleState('Storm closes the harbour'));
    const editor = reviewingEditor(ydoc);
    const from = positionOf(editor, 'the harbour');
    const id = addThread(ydoc, { from, to: from + 'the harbour'.length, body: 'Which harbour?', author });
    await vi.waitFor(() => expect(highlighted(editor)).toEqual([{ id, text: 'the harbour' }]));

    // A collaborator's edit arrives through Yjs (another replica), before the commented words.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const headline = other.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement;
    (headline.get(0) as Y.XmlText).insert(0, 'Breaking: ');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));

    await vi.waitFor(() => expect(editor.state.doc.textContent).toContain('Breaking: Storm closes the harbour'));
    await vi.waitFor(() => expect(highlighted(editor)).toEqual([{ id, text: 'the harbour' }]));
    expect(threadsAt(editor.state, positionOf(editor, 'harbour'))).toEqual([id]);
    expect(threadsAt(editor.state, positionOf(editor, 'Storm'))).toEqual([]);
  });

  it('drops the highlight when the commented words are deleted, and reports clicks on highlighted text', async () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initialArticleState('Council votes on budget'));
    const clicked: string[] = [];
    const editor = reviewingEditor(ydoc, (threadId) => clicked.push(threadId));
    const from = positionOf(editor, 'budget');
    const id = addThread(ydoc, { from, to: from + 'budget'.length, body: 'Which year?', author });
    await vi.waitFor(() => expect(highlighted(editor)).toHaveLength(1));

    const span = editor.view.dom.querySelector('.comment-highlight') as HTMLElement;
    span.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicked).toEqual([id]);

    editor.commands.deleteRange({ from: from - 1, to: from + 'budget'.length });
    await vi.waitFor(() => expect(highlighted(editor)).toEqual([]));
  });
});
