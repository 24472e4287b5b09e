// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { linkedDocs, useCollaborativeEditors } from '../editor/test/collaborativeEditors.ts';
import { addThread, listThreads } from './commentThreads.ts';

const collaborativeEditor = useCollaborativeEditors();

function find(editor: Editor, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? '').indexOf(words) : -1;
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + words.length };
    return !found;
  });
  if (!found) throw new Error(`"${words}" not found`);
  return found;
}

const author = { id: 'u1', name: 'Edna', color: '#c0392b' };

describe('comment anchors with live editors', () => {
  it('use the editor selection and follow the words while both editors type, add figures and split paragraphs', () => {
    const [docA, docB] = linkedDocs();
    const alice = collaborativeEditor(docA);
    const bob = collaborativeEditor(docB);
    alice.view.dispatch(alice.state.tr.setSelection(TextSelection.atEnd(alice.state.doc)));
    alice.commands.insertContent('Only 290 expatriates remain in the country.');

    const { from, to } = find(alice, '290 expatriates');
    alice.view.dispatch(alice.state.tr.setSelection(TextSelection.create(alice.state.doc, from, to)));
    const id = addThread(docA, { from: alice.state.selection.from, to: alice.state.selection.to, body: 'Source?', author });

    bob.view.dispatch(bob.state.tr.setSelection(TextSelection.create(bob.state.doc, find(bob, 'Only').from)));
    bob.commands.insertContent('Officials say ');
    bob.view.dispatch(bob.state.tr.setSelection(TextSelection.create(bob.state.doc, find(bob, 'in the country').from)));
    bob.commands.splitBlock();
    bob.view.dispatch(bob.state.tr.setSelection(TextSelection.create(bob.state.doc, 3)));
    bob.commands.setFigure({ src: 'https://img.test/a.jpg', caption: 'A family' });
    alice.view.dispatch(alice.state.tr.setSelection(TextSelection.create(alice.state.doc, find(alice, 'Exodus').to)));
    alice.commands.insertContent(' continues');

    expect(alice.getJSON()).toEqual(bob.getJSON());
    for (const [doc, editor] of [[docA, alice], [docB, bob]] as const) {
      const [thread] = listThreads(doc);
      expect(thread?.id).toBe(id);
      expect(thread?.quote).toBe('290 expatriates');
      expect({ from: thread?.from, to: thread?.to }).toEqual(find(editor, '290 expatriates'));
      expect(editor.state.doc.textBetween(thread?.from ?? 0, thread?.to ?? 0)).toBe('290 expatriates');
    }
  });

  it('detaches when an editor deletes the commented words', () => {
    const [docA, docB] = linkedDocs();
    const alice = collaborativeEditor(docA);
    const bob = collaborativeEditor(docB);
    alice.view.dispatch(alice.state.tr.setSelection(TextSelection.atEnd(alice.state.doc)));
    alice.commands.insertContent('Only 290 expatriates remain.');
    addThread(docA, { ...find(alice, '290 expatriates'), body: 'Source?', author });
    const words = find(bob, '290 expatriates ');
    bob.view.dispatch(bob.state.tr.delete(words.from, words.to));
    expect(bob.getText()).toContain('Only remain.');
    expect(listThreads(docA)[0]).toMatchObject({ detached: true, quote: '290 expatriates' });
  });
});
