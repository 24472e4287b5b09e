import * as Y from 'yjs';
import { INSERT_MARK } from '../../shared/editor/suggestions/suggestionMarks.ts';
import type { ChangeRange } from '../storage/AuthorshipStore.ts';

function isInsertFormat(item: Y.Item): item is Y.Item & { content: Y.ContentFormat } {
  return item.content instanceof Y.ContentFormat && item.content.key === INSERT_MARK;
}

function suggestionId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

/**
 * The words a transaction took out of suggested insertions without deleting them: accepted
 * suggestions, as ranges of the suggester's items, by `by`. Call it from `afterTransaction` (the
 * deleted formatting items still hold their content then). A transaction that deletes no opening
 * of an insertion mark costs one pass over its delete set; one that does, a pass over each text it
 * touched, comparing what was suggested before it with what is after it.
 */
export function acceptedSuggestions(transaction: Y.Transaction, by: string): ChangeRange[] {
  const texts = new Set<Y.AbstractType<unknown>>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item && isInsertFormat(struct) && suggestionId(struct.content.value) !== null) {
      texts.add(struct.parent as Y.AbstractType<unknown>);
    }
  });
  const ranges: ChangeRange[] = [];
  for (const text of texts) {
    let before: unknown = null;
    let after: unknown = null;
    for (let item = text._start; item !== null; item = item.right) {
      const old = item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0);
      const deletedNow = Y.isDeleted(transaction.deleteSet, item.id);
      if (isInsertFormat(item)) {
        if (old && (!item.deleted || deletedNow)) before = item.content.value;
        if (!item.deleted) after = item.content.value;
        continue;
      }
      if (item.deleted || !old || !item.countable) continue;
      const id = suggestionId(before);
      if (id === null || suggestionId(after) !== null) continue;
      const last = ranges.at(-1);
      if (last && last.clientId === item.id.client && last.to === item.id.clock && last.detail === id) last.to += item.length;
      else ranges.push({ clientId: item.id.client, from: item.id.clock, to: item.id.clock + item.length, kind: 'accepted_suggestion', by, detail: id });
    }
  }
  return ranges;
}
