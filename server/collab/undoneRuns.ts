import * as Y from 'yjs';
import type { WordRun } from './GatheredWords.ts';
import { rootOf } from './rootOf.ts';

/** A Yjs delete set (the type is not exported by name): here, the ids of what a transaction inserted. */
type IdSet = ReturnType<typeof Y.createDeleteSet>;

// `any`: Yjs types are invariant in their event type, and a parent may be any of them.
type Parent = Y.AbstractType<any>;

/** The block holding `parent`'s text: a paragraph may hold several text nodes, and an undone one is written anew. */
const blockOf = (parent: Parent): object => {
  const outer = parent._item?.parent;
  return parent instanceof Y.XmlText && outer instanceof Y.XmlElement ? outer : parent;
};

/**
 * The words a refused transaction typed, about to be undone: every run of text it inserted that is
 * still in the story, in story order within each text node (nodes in the order they were written),
 * each with its block (paragraph, heading...).
 * `insertions` is the refused transaction's insertions (its UndoManager stack item), `scope` the
 * roots the undo covers (text elsewhere stays); call inside the transaction that undoes it, before the undo.
 */
export function undoneRuns(transaction: Y.Transaction, insertions: IdSet, scope: ReadonlySet<Parent>): WordRun[] {
  const parents: Parent[] = [];
  const seen = new Set<Parent>();
  Y.iterateDeletedStructs(transaction, insertions, (struct) => {
    if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentString)) return;
    const parent = struct.parent as Parent;
    if (!seen.has(parent) && scope.has(rootOf(parent))) {
      seen.add(parent);
      parents.push(parent);
    }
  });
  const runs: WordRun[] = [];
  for (const parent of parents) {
    let text = '';
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString && Y.isDeleted(insertions, item.id)) {
        text += item.content.str;
      } else if (item.countable && text !== '') {
        runs.push({ block: blockOf(parent), text });
        text = '';
      }
    }
    if (text !== '') runs.push({ block: blockOf(parent), text });
  }
  return runs;
}
