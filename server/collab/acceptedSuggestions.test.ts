import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import type { ChangeRange } from '../storage/AuthorshipStore.ts';
import { acceptedSuggestions } from './acceptedSuggestions.ts';
import { editStory, resolveSuggestion, suggestReplace, typeAt } from '../test/storyEdits.ts';

const RITA = { id: 'rita', name: 'Rita', color: '#d1495b' };

/** A story both sides hold: Rita's doc (client 100) suggests, Ed's (client 200) resolves. */
function twoEditors() {
  const rita = new Y.Doc();
  rita.clientID = 100;
  const ed = new Y.Doc();
  ed.clientID = 200;
  Y.applyUpdate(rita, initialArticleState('Budget'));
  const sync = () => {
    Y.applyUpdate(ed, Y.encodeStateAsUpdate(rita, Y.encodeStateVector(ed)));
    Y.applyUpdate(rita, Y.encodeStateAsUpdate(ed, Y.encodeStateVector(rita)));
  };
  return { rita, ed, sync };
}

/** What `acceptedSuggestions` finds in each of Ed's transactions while `edit` runs. */
function acceptedWhile(ed: Y.Doc, edit: () => void): ChangeRange[] {
  const found: ChangeRange[] = [];
  const listen = (transaction: Y.Transaction) => found.push(...acceptedSuggestions(transaction, 'ed'));
  ed.on('afterTransaction', listen);
  edit();
  ed.off('afterTransaction', listen);
  return found;
}

describe('acceptedSuggestions', () => {
  it('finds the suggester’s words an editor accepts, and who accepted them', () => {
    const { rita, ed, sync } = twoEditors();
    editStory(rita, (tr) => tr.insertText('The council met on Monday.', tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    suggestReplace(rita, RITA, 's1', 'Monday', 'Tuesday');
    sync();
    const found = acceptedWhile(ed, () => resolveSuggestion(ed, 's1', true));
    expect(found).toHaveLength(1);
    const [range] = found;
    expect(range).toMatchObject({ clientId: 100, kind: 'accepted_suggestion', by: 'ed', detail: 's1' });
    expect(range!.to - range!.from).toBe('Tuesday'.length);
  });

  it('finds nothing when the suggestion is rejected, or in plain typing next to a suggestion', () => {
    const { rita, ed, sync } = twoEditors();
    editStory(rita, (tr) => tr.insertText('The council met on Monday.', tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    suggestReplace(rita, RITA, 's1', 'Monday', 'Tuesday');
    sync();
    expect(acceptedWhile(ed, () => typeAt(ed, (doc) => doc.content.size - 2, ' Late'))).toEqual([]);
    expect(acceptedWhile(ed, () => resolveSuggestion(ed, 's1', false))).toEqual([]);
  });
});
