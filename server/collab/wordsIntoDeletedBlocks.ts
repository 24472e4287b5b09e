import * as Y from 'yjs';
import type { WordRun } from './GatheredWords.ts';

/**
 * The words a transaction typed into blocks deleted before it arrived: what a writer types between
 * the server undoing her block and her page hearing of it. Yjs keeps such text deleted at once, or,
 * where the block was garbage-collected, keeps nothing of it: the words are read from `update`, the
 * update the transaction applied. Text the transaction deleted itself, or typed into a block it
 * deleted itself, does not count. One run per update, in the order of its structs, going on from
 * where the writer's last run left off (`block: null`).
 */
export function wordsIntoDeletedBlocks(transaction: Y.Transaction, update: Uint8Array): WordRun[] {
  const lost = new Map<number, Array<[number, number]>>();
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i += 1) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (!intoDeletedBlock(struct, transaction)) continue;
      let ranges = lost.get(client);
      if (!ranges) lost.set(client, (ranges = []));
      ranges.push([struct.id.clock, struct.id.clock + struct.length]);
    }
  }
  if (lost.size === 0) return [];
  let text = '';
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    const start = struct.id.clock;
    const end = start + struct.length;
    for (const [from, to] of lost.get(struct.id.client) ?? []) {
      if (to <= start || from >= end) continue;
      text += struct.content.str.slice(Math.max(from, start) - start, Math.min(to, end) - start);
    }
  }
  return text === '' ? [] : [{ block: null, text }];
}

/** Whether `struct`, new in `transaction`, went into a block deleted before the transaction. */
function intoDeletedBlock(struct: Y.Item | Y.GC, transaction: Y.Transaction): boolean {
  // Integrated into a garbage-collected block, an item is kept as a GC struct (it was not collected yet otherwise).
  if (!(struct instanceof Y.Item)) return true;
  if (!struct.deleted || !(struct.content instanceof Y.ContentString)) return false;
  const blockItem = (struct.parent as Y.AbstractType<any>)._item;
  return blockItem !== null && blockItem.deleted && !Y.isDeleted(transaction.deleteSet, blockItem.id);
}
