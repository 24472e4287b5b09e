// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { positionOf, press, select, suggestingEditor, type } from '../../shared/editor/suggestions/test/suggestingEditor.ts';
import { listSuggestions } from '../../shared/editor/suggestions/listSuggestions.ts';
import { bodyTexts } from '../test/storyEdits.ts';
import { storyDoc as seedStory, storyJson } from '../versions/testStory.ts';
import { UpdateGate, type GateRefusal } from './UpdateGate.ts';

const rosa = { id: 'rosa', name: 'Rosa Reporter', color: '#2471a3' };
const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** A reporter's editor on a replica of the live story, whose every change goes through the gate with suggesting required. */
function reporterEditor(suggesting: boolean) {
  const live = seedStory(storyJson('Council', ['The council approved the budget.']));
  const gate = new UpdateGate(live);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const editor = suggestingEditor({ author: rosa, ydoc: client, suggesting });
  editors.push(editor);
  const send = (): GateRefusal | null => {
    const refusal = gate.apply(Y.encodeStateAsUpdate(client, Y.encodeStateVector(live)), 'client', 'refused', { suggestionsOnly: true });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live, Y.encodeStateVector(client)));
    return refusal;
  };
  return { live, client, editor, send };
}

describe('UpdateGate with a real suggesting editor', () => {
  it('lets everything a suggesting editor does through: typing, Enter, typing in the new paragraph, Backspace into the original text', () => {
    const { live, editor, send } = reporterEditor(true);
    select(editor, positionOf(editor, 'budget.', 7));
    type(editor, ' Two abstained.');
    expect(send()).toBeNull();
    editor.commands.splitBlock();
    expect(send()).toBeNull();
    type(editor, 'Second.');
    expect(send()).toBeNull();
    select(editor, positionOf(editor, 'budget.', 6));
    press(editor, 'Backspace', 6);
    expect(send()).toBeNull();
    // All of it reached the live story, as suggestions.
    expect(bodyTexts(live)).toEqual(['The council approved the budget. Two abstained.', 'Second.']);
    expect(listSuggestions(editor.state.doc).length).toBeGreaterThanOrEqual(2);
  });

  it('undoes what the same editor types with suggesting off, and the editor shows the story as it was', () => {
    const { live, editor, send } = reporterEditor(false);
    select(editor, positionOf(editor, 'budget.', 7));
    type(editor, ' Two abstained.');
    expect(send()).toBe('not_a_suggestion');
    expect(bodyTexts(live)).toEqual(['The council approved the budget.']);
    expect(editor.state.doc.child(2).textContent).toBe('The council approved the budget.');
  });
});
