// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { listSuggestions } from '../../shared/editor/suggestions/listSuggestions.ts';
import { FORMAT_MARK, INSERT_MARK } from '../../shared/editor/suggestions/suggestionMarks.ts';
import { Network } from '../../shared/editor/suggestions/test/Network.ts';
import { positionOf, press, select, suggestingEditor, type } from '../../shared/editor/suggestions/test/suggestingEditor.ts';
import { storyDoc as seedStory, storyJson } from '../versions/testStory.ts';
import { onlySuggests } from './onlySuggests.ts';

const rosa = { id: 'rosa', name: 'Rosa Reporter', color: '#2471a3' };
const edna = { id: 'edna', name: 'Edna Editor', color: '#c0392b' };
/** Rosa's account, as her socket knows it. */
const rosaAccount = { username: 'rosa', displayName: 'Rosa Reporter' };

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const storyOf = (ydoc: Y.Doc): JSONContent => yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOC_FIELD)) as JSONContent;

/**
 * Rosa, a reporter who must suggest, and Edna, an editor, each in a real editor on a replica of
 * one story. `rosaDoes` reports whether what Rosa's editor wrote to her replica only suggests.
 */
function newsroom(paragraphs = ['The council approved the budget on Tuesday.', 'Two members abstained.']) {
  const network = Network.seeded(seedStory(storyJson('Council', paragraphs)), 2);
  const [rosaDoc, ednaDoc] = network.docs as [Y.Doc, Y.Doc];
  const make = (author: typeof rosa, ydoc: Y.Doc, suggesting: boolean) => {
    const editor = suggestingEditor({ author, ydoc, suggesting });
    editors.push(editor);
    return editor;
  };
  const room = {
    network,
    rosaDoc,
    rosa: make(rosa, rosaDoc, true),
    edna: make(edna, ednaDoc, false),
    /** Runs `act` (an edit in an editor bound to Rosa's replica) and checks it as the server checks Rosa's update. */
    rosaDoes(act: () => void): boolean {
      network.flush();
      const before = storyOf(rosaDoc);
      act();
      const after = storyOf(rosaDoc);
      network.flush();
      return onlySuggests(before, after, rosaAccount);
    },
  };
  return room;
}

const idOf = (editor: Editor, authorId: string, index = 0): string => listSuggestions(editor.state.doc).filter((s) => s.authorId === authorId)[index]!.id;

describe('onlySuggests with real suggesting editors', () => {
  it('passes what a suggesting editor does: typing, deleting, formatting, Enter, a line break, Backspace over her own suggestion, rejecting it', () => {
    const room = newsroom();
    const { rosa: editor } = room;
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'budget')), type(editor, 'annual ')))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'Tuesday', 7)), press(editor, 'Backspace', 3)))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'council'), positionOf(editor, 'council', 7)), editor.commands.toggleBold()))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'Two')), editor.commands.splitBlock()))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'members')), editor.commands.setHardBreak()))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'Two')), press(editor, 'Backspace')))).toBe(true);
    // Typing over a selection from one paragraph into the next.
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'on Tues'), positionOf(editor, 'Two')), type(editor, 'later. ')))).toBe(true);
    // Backspace over the end of her own insertion "annual " removes it for real.
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'annual ', 7)), press(editor, 'Backspace', 3)))).toBe(true);
    expect(editor.state.doc.textContent).toContain('annubudget');
    expect(room.rosaDoes(() => editor.commands.rejectSuggestion(idOf(editor, 'rosa')))).toBe(true);
    expect(room.rosaDoes(() => editor.commands.rejectAll())).toBe(true);
    expect(room.edna.state.doc.child(2).textContent).toBe('The council approved the budget on Tuesday.');
  });

  it('passes typing into and deleting over someone else’s suggestion, and rejecting it', () => {
    const room = newsroom();
    room.edna.commands.setSuggesting(true);
    select(room.edna, positionOf(room.edna, 'Tuesday'), positionOf(room.edna, 'Tuesday', 7));
    type(room.edna, 'Wednesday');
    room.network.flush();
    const { rosa: editor } = room;
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'Wednesday', 3)), type(editor, 'x')))).toBe(true);
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'on'), positionOf(editor, 'Wedx', 4)), press(editor, 'Delete')))).toBe(true);
    expect(room.rosaDoes(() => editor.commands.rejectSuggestion(idOf(editor, 'edna')))).toBe(true);
  });

  it('refuses accepting her own suggestion, or anyone’s', () => {
    const room = newsroom();
    const { rosa: editor } = room;
    expect(room.rosaDoes(() => (select(editor, positionOf(editor, 'Tuesday'), positionOf(editor, 'Tuesday', 7)), type(editor, 'Monday')))).toBe(true);
    expect(room.rosaDoes(() => editor.commands.acceptSuggestion(idOf(editor, 'rosa')))).toBe(false);

    const other = newsroom();
    other.edna.commands.setSuggesting(true);
    select(other.edna, positionOf(other.edna, 'Two'));
    type(other.edna, 'Only ');
    expect(other.rosaDoes(() => other.rosa.commands.acceptAll())).toBe(false);
  });

  it('refuses deleting words once they are struck through (delete, then remove)', () => {
    const room = newsroom();
    const { rosa: editor } = room;
    const from = positionOf(editor, 'on Tuesday');
    expect(room.rosaDoes(() => (select(editor, from, from + 'on Tuesday'.length), press(editor, 'Delete')))).toBe(true);
    expect(listSuggestions(editor.state.doc).map((s) => s.deleted)).toEqual(['on Tuesday']);
    editor.commands.setSuggesting(false);
    expect(room.rosaDoes(() => editor.view.dispatch(editor.state.tr.delete(from, from + 'on Tuesday'.length)))).toBe(false);
  });

  it('refuses a suggestion made in someone else’s name or id, and plain typing', () => {
    const room = newsroom();
    const forgers = [edna, { ...rosa, id: 'edna' }, { ...rosa, name: 'Edna Editor' }].map((author) => {
      const forger = suggestingEditor({ author, ydoc: room.rosaDoc, suggesting: true });
      editors.push(forger);
      return forger;
    });
    for (const forger of forgers) {
      expect(room.rosaDoes(() => (select(forger, positionOf(forger, 'budget')), type(forger, 'new ')))).toBe(false);
    }
    room.rosa.commands.setSuggesting(false);
    expect(room.rosaDoes(() => (select(room.rosa, positionOf(room.rosa, 'budget')), type(room.rosa, 'new ')))).toBe(false);
  });
});

/** Positions inside text blocks, where a cursor may stand. */
function cursorPositions(editor: Editor): number[] {
  const positions: number[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let at = pos + 1; at <= pos + 1 + node.content.size; at += 1) positions.push(at);
    return false;
  });
  return positions;
}

const pick = (editor: Editor, fraction: number): number => {
  const positions = cursorPositions(editor);
  return positions[Math.min(positions.length - 1, Math.floor(fraction * positions.length))]!;
};

/**
 * A range of up to `length` positions inside one text block. (Across blocks, typing over a
 * selection from the headline to the body loses the headline's words instead of striking them:
 * the check rightly refuses that, and it is no suggesting-mode edit this property is about.)
 */
const rangeFrom = (editor: Editor, fraction: number, length: number): [number, number] => {
  const from = pick(editor, fraction);
  const $from = editor.state.doc.resolve(from);
  return [from, Math.min(from + length, $from.end())];
};

type Action =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'backspace' | 'delete'; at: number; times: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'bold'; at: number; length: number }
  | { kind: 'enter' | 'lineBreak'; at: number }
  | { kind: 'reject'; index: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const words = fc.stringMatching(/^[a-z ]{1,5}$/);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fraction, text: words }),
  fc.record({ kind: fc.constantFrom('backspace' as const, 'delete' as const), at: fraction, times: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 1, max: 8 }), text: words }),
  fc.record({ kind: fc.constant('bold' as const), at: fraction, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constantFrom('enter' as const, 'lineBreak' as const), at: fraction }),
  fc.record({ kind: fc.constant('reject' as const), index: fc.nat(5) }),
);

/** Does `step` in `editor` as a person at the keyboard would. */
function perform(editor: Editor, step: Action): void {
  switch (step.kind) {
    case 'type':
      select(editor, pick(editor, step.at));
      return type(editor, step.text);
    case 'backspace':
    case 'delete':
      select(editor, pick(editor, step.at));
      return press(editor, step.kind === 'backspace' ? 'Backspace' : 'Delete', step.times);
    case 'replace':
      select(editor, ...rangeFrom(editor, step.at, step.length));
      return type(editor, step.text);
    case 'bold':
      select(editor, ...rangeFrom(editor, step.at, step.length));
      editor.commands.toggleBold();
      return;
    case 'enter':
      select(editor, pick(editor, step.at));
      editor.commands.splitBlock();
      return;
    case 'lineBreak':
      select(editor, pick(editor, step.at));
      editor.commands.setHardBreak();
      return;
    case 'reject': {
      const suggestions = listSuggestions(editor.state.doc);
      if (suggestions.length) editor.commands.rejectSuggestion(suggestions[step.index % suggestions.length]!.id);
    }
  }
}

/** Whether some character of `from`..`to` in `editor` carries none of `marks` (and may carry `adding`, when given). */
function hasTextWithout(editor: Editor, from: number, to: number, marks: readonly string[], adding?: string): boolean {
  let found = false;
  const added = adding === undefined ? undefined : editor.schema.marks[adding];
  editor.state.doc.nodesBetween(from, to, (node, _pos, parent) => {
    if (node.isText && !node.marks.some((mark) => marks.includes(mark.type.name)) && (!added || parent?.type.allowsMarkType(added))) found = true;
    return !found;
  });
  return found;
}

describe('onlySuggests, property', () => {
  it('holds for any sequence of suggesting-mode edits by the author, among an editor’s plain edits and her own suggestions', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rosa: fc.boolean(), ednaSuggests: fc.boolean(), step: action }), { minLength: 1, maxLength: 10 }), (steps) => {
        const room = newsroom();
        try {
          for (const { rosa: byRosa, ednaSuggests, step } of steps) {
            if (byRosa) {
              expect(room.rosaDoes(() => perform(room.rosa, step))).toBe(true);
            } else {
              room.edna.commands.setSuggesting(ednaSuggests);
              perform(room.edna, step);
              room.network.flush();
            }
          }
        } finally {
          editors.splice(0).forEach((editor) => editor.destroy());
        }
      }),
      { numRuns: 50 },
    );
  });

  it('fails for any plain edit that changes words, after any suggestions', () => {
    const plainEdit = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), at: fraction, text: fc.stringMatching(/^[a-z]{1,5}$/) }),
      fc.record({ kind: fc.constant('cut' as const), at: fraction, length: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('bold' as const), at: fraction, length: fc.integer({ min: 1, max: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 6 }), plainEdit, (suggested, edit) => {
        const room = newsroom();
        const { rosa: editor } = room;
        try {
          for (const step of suggested) perform(editor, step);
          editor.commands.setSuggesting(false);
          if (edit.kind === 'type') {
            expect(room.rosaDoes(() => perform(editor, edit))).toBe(false);
            return;
          }
          const [from, to] = rangeFrom(editor, edit.at, edit.length);
          if (edit.kind === 'cut') {
            // Removing only suggested insertions is taking them back.
            fc.pre(hasTextWithout(editor, from, to, [INSERT_MARK]));
            expect(room.rosaDoes(() => editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)).deleteSelection()))).toBe(false);
          } else {
            // Suggested text, and text under a pending format suggestion (which keeps the original formatting), rejects to the same words.
            fc.pre(hasTextWithout(editor, from, to, ['bold', INSERT_MARK, FORMAT_MARK], 'bold'));
            expect(room.rosaDoes(() => (select(editor, from, to), editor.commands.toggleBold()))).toBe(false);
          }
        } finally {
          editors.splice(0).forEach((item) => item.destroy());
        }
      }),
      { numRuns: 50 },
    );
  });
});
