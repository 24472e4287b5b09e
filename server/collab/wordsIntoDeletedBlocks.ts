import * as Y from 'yjs';
import { MAX_UNDONE_CHARS, type WordRun } from './GatheredWords.ts';

/**
 * The words a transaction typed into blocks deleted before it arrived: what a writer types between
 * the server undoing her block and her page hearing of it (or into a block a colleague deleted
 * meanwhile). Yjs keeps such text deleted at once, or, where the block was garbage-collected,
 * keeps nothing of it: the words are read from `update`, the update the transaction applied.
 * Text the transaction deleted itself, or typed into a block it deleted itself, does not count.
 * One run, in the order of the update's structs, going on from where the writer's last run left
 * off (`block: null`); at most `maxChars` characters. Linear in the size of the update.
 */
export function wordsIntoDeletedBlocks(transaction: Y.Transaction, update: Uint8Array, maxChars = MAX_UNDONE_CHARS): WordRun[] {
  const lost = lostRanges(transaction);
  if (lost === null) return [];
  let text = '';
  // The update's structs and each client's ranges are both in clock order: one walk through each.
  const next = new Map<number, number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (text.length >= maxChars) break;
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    const ranges = lost.get(struct.id.client);
    if (!ranges) continue;
    const start = struct.id.clock;
    const end = start + struct.length;
    let i = next.get(struct.id.client) ?? 0;
    while (i < ranges.length && ranges[i]![1] <= start) i += 1;
    next.set(struct.id.client, i);
    for (let j = i; j < ranges.length && ranges[j]![0] < end; j += 1) {
      const [from, to] = ranges[j]!;
      text += struct.content.str.slice(Math.max(from, start) - start, Math.min(to, end) - start);
    }
  }
  if (text === '') return [];
  return [{ block: null, text: text.length > maxChars ? text.slice(0, maxChars) : text }];
}

/**
 * Per client, the clock ranges new in `transaction` that went into blocks deleted before it, joined
 * where they touch; null when there are none (every accepted update asks: nothing is allocated then).
 */
function lostRanges(transaction: Y.Transaction): Map<number, Array<[number, number]>> | null {
  let lost: Map<number, Array<[number, number]>> | null = null;
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) continue;
    let ranges: Array<[number, number]> | null = null;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i += 1) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (!intoDeletedBlock(struct, transaction)) continue;
      const from = struct.id.clock;
      const to = from + struct.length;
      if (!ranges) (lost ??= new Map()).set(client, (ranges = []));
      const last = ranges.at(-1);
      if (last && last[1] === from) last[1] = to;
      else ranges.push([from, to]);
    }
  }
  return lost;
}

/** Whether `struct`, new in `transaction`, went into a block deleted before the transaction. */
function intoDeletedBlock(struct: Y.Item | Y.GC, transaction: Y.Transaction): boolean {
  // Integrated into a garbage-collected block, an item is kept as a GC struct (it was not collected yet otherwise).
  if (!(struct instanceof Y.Item)) return true;
  if (!struct.deleted || !(struct.content instanceof Y.ContentString)) return false;
  const blockItem = (struct.parent as Y.AbstractType<any>)._item;
  return blockItem !== null && blockItem.deleted && !Y.isDeleted(transaction.deleteSet, blockItem.id);
}
