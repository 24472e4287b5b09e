// @vitest-environment happy-dom
import { getSchema, type Editor } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../collab/docFields.ts';
import { listSuggestions } from './listSuggestions.ts';
import { suggestionArticleExtensions } from './suggestionExtensions.ts';
import { Network } from './test/Network.ts';
import { positionOf, press, select, storyJson, suggestingEditor, type } from './test/suggestingEditor.ts';
import { hasPendingSuggestions, withoutSuggestions } from './withoutSuggestions.ts';

const schema = getSchema(suggestionArticleExtensions());
const edna = { id: 'u-edna', name: 'Edna', color: '#c0392b' };
const rita = { id: 'u-rita', name: 'Rita', color: '#2471a3' };
const sam = { id: 'u-sam', name: 'Sam', color: '#1e8449' };

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** Edna suggests; Rita and Sam edit plainly; each on their own replica of one story. */
function newsroom(body = 'Only 290 expatriates remain in the country.') {
  const seed = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, storyJson(body), seed.getXmlFragment(DOC_FIELD));
  const network = Network.seeded(seed, 3);
  const [ednaDoc, ritaDoc, samDoc] = network.docs as [Y.Doc, Y.Doc, Y.Doc];
  const make = (author: typeof edna, ydoc: Y.Doc, suggesting: boolean) => {
    const editor = suggestingEditor({ author, ydoc, suggesting });
    editors.push(editor);
    return editor;
  };
  return {
    network,
    edna: make(edna, ednaDoc, true),
    rita: make(rita, ritaDoc, false),
    sam: make(sam, samDoc, false),
  };
}

const body = (editor: Editor) => editor.state.doc.child(2).textContent;

function expectConverged(...replicas: Editor[]): void {
  const [first, ...rest] = replicas;
  for (const other of rest) expect(other.getJSON()).toEqual(first!.getJSON());
}

describe('suggesting mode with concurrent editors', () => {
  it('suggestions survive concurrent typing around and inside them; accepting gives exactly the suggested text', () => {
    const room = newsroom();
    // Round 1, concurrent: Edna replaces "290" and strikes " in the country"; Rita edits the standfirst.
    select(room.edna, positionOf(room.edna, '290'), positionOf(room.edna, '290', 3));
    type(room.edna, '300');
    select(room.edna, positionOf(room.edna, '.'));
    press(room.edna, 'Backspace', ' in the country'.length);
    select(room.rita, positionOf(room.rita, 'Diplomats leave', 15));
    type(room.rita, ' in haste');
    select(room.rita, positionOf(room.rita, 'remain'));
    type(room.rita, 'still ');
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(body(room.rita)).toBe('Only 290300 expatriates still remain in the country.');
    expect(room.rita.state.doc.child(1).textContent).toBe('Diplomats leave in haste');

    // Round 2, concurrent: Rita types inside the struck-through "290" and inside Edna's "300";
    // Edna keeps typing her suggestion; Sam, not suggesting, types at the end.
    select(room.rita, positionOf(room.rita, '290', 2));
    type(room.rita, '5');
    select(room.rita, positionOf(room.rita, '5030', 3));
    type(room.rita, '7');
    select(room.edna, positionOf(room.edna, 'expatriates'));
    type(room.edna, 'Dutch ');
    select(room.sam, positionOf(room.sam, 'country.', 8));
    type(room.sam, ' More soon.');
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(body(room.sam)).toBe('Only 29503700 Dutch expatriates still remain in the country. More soon.');
    const suggestions = listSuggestions(room.sam.state.doc);
    expect(suggestions.map((s) => [s.kind, s.authorName, s.inserted, s.deleted])).toEqual([
      ['replace', 'Edna', '300', '290'],
      ['insert', 'Edna', 'Dutch ', ''],
      ['delete', 'Edna', '', ' in the country'],
    ]);
    expect(listSuggestions(room.edna.state.doc)).toEqual(suggestions);

    // Round 3: Rita accepts the number and the deletion while Sam rejects "Dutch", concurrently.
    room.rita.commands.acceptSuggestion(suggestions[0]!.id);
    room.rita.commands.acceptSuggestion(suggestions[2]!.id);
    room.sam.commands.rejectSuggestion(suggestions[1]!.id);
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    // Plain text typed inside the suggestion by Rita ("5", "7") stays; Edna's words are exactly hers.
    expect(body(room.edna)).toBe('Only 53700 expatriates still remain. More soon.');
    expect(hasPendingSuggestions(room.edna.getJSON())).toBe(false);
  });

  it('a suggested deletion reaches Yjs as formatting: no character is deleted and put back', () => {
    const room = newsroom();
    const ednaDoc = room.network.docs[0]!;
    const updates: Uint8Array[] = [];
    ednaDoc.on('update', (update: Uint8Array) => updates.push(update));
    select(room.edna, positionOf(room.edna, 'remain'), positionOf(room.edna, 'remain', 6));
    press(room.edna, 'Delete');
    select(room.edna, positionOf(room.edna, '.'));
    press(room.edna, 'Backspace', 3);
    expect(updates.length).toBeGreaterThan(0);
    // Yjs may retire superseded formatting items; no text item may be deleted.
    const deleted: string[] = [];
    ednaDoc.transact((transaction) => {
      for (const update of updates) {
        Y.iterateDeletedStructs(transaction, Y.decodeUpdate(update).ds, (struct) => {
          if (struct instanceof Y.Item && !(struct.content instanceof Y.ContentFormat)) deleted.push(struct.content.constructor.name);
        });
      }
    });
    expect(deleted).toEqual([]);
    room.network.flush();
    expect(listSuggestions(room.rita.state.doc).map((s) => s.deleted)).toEqual(['remain', 'try']);
  });

  it('rejecting everything restores the original text, with everyone’s plain edits kept', () => {
    const room = newsroom();
    select(room.edna, positionOf(room.edna, 'Only'), positionOf(room.edna, 'Only', 4));
    type(room.edna, 'Just');
    select(room.edna, positionOf(room.edna, 'remain'), positionOf(room.edna, 'remain', 6));
    press(room.edna, 'Delete');
    select(room.sam, positionOf(room.sam, 'remain', 3));
    type(room.sam, 'X');
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    const original = PMNode.fromJSON(schema, withoutSuggestions(room.rita.getJSON())).toJSON();
    room.rita.commands.rejectAll();
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(room.edna.getJSON()).toEqual(original);
    expect(body(room.edna)).toBe('Only 290 expatriates remXain in the country.');
  });

  it('a suggested figure keeps concurrent caption edits, and is removed for everyone when rejected', () => {
    const room = newsroom();
    select(room.edna, positionOf(room.edna, 'remain'));
    room.edna.commands.setFigure({ src: 'https://img.test/a.jpg', alt: 'Trolley', credit: 'MFA', caption: 'A family' });
    select(room.rita, positionOf(room.rita, 'Only'));
    type(room.rita, 'Today ');
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(room.sam.state.doc.child(3).attrs.suggestion).toMatchObject({ kind: 'insert', authorName: 'Edna' });

    // Rita fixes the caption while Edna, suggesting, deletes the paragraph's last word.
    select(room.rita, positionOf(room.rita, 'A family', 8));
    type(room.rita, ' leaves');
    select(room.edna, positionOf(room.edna, 'country.', 7));
    press(room.edna, 'Backspace', 7);
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(room.edna.state.doc.child(3).textContent).toBe('A family leaves');
    expect(room.edna.state.doc.child(3).attrs.suggestion).toMatchObject({ kind: 'insert' });

    room.sam.commands.rejectAll();
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    // The empty paragraph that follows a figure ending the story is structure, not a suggestion.
    expect(room.edna.getJSON().content?.map((node) => node.type)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
    expect(body(room.edna)).toBe('Today Only 290 expatriates remain in the country.');
  });

  it('a figure deleted by a suggestion stays until accepted, then goes for everyone', () => {
    const room = newsroom();
    select(room.rita, positionOf(room.rita, 'remain'));
    room.rita.commands.setFigure({ src: 'https://img.test/a.jpg', alt: 'Trolley', credit: 'MFA', caption: 'A family' });
    room.network.flush();
    const figurePos = room.edna.state.doc.child(0).nodeSize + room.edna.state.doc.child(1).nodeSize + room.edna.state.doc.child(2).nodeSize;
    room.edna.view.dispatch(room.edna.state.tr.delete(figurePos, figurePos + room.edna.state.doc.child(3).nodeSize));
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(room.rita.state.doc.child(3).attrs.suggestion).toMatchObject({ kind: 'delete', authorName: 'Edna' });
    expect(withoutSuggestions(room.rita.getJSON()).content?.[3]?.type).toBe('figure');
    room.rita.commands.acceptAll();
    room.network.flush();
    expectConverged(room.edna, room.rita, room.sam);
    expect(room.edna.getJSON().content?.map((node) => node.type)).not.toContain('figure');
  });
});
