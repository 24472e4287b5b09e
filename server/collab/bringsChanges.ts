import * as Y from 'yjs';

/**
 * Whether applying `update` would change `ydoc`: content it does not hold yet (content that would
 * wait for some it lacks included), or a deletion of something it has not deleted. The update is
 * decoded, never applied. Throws on a malformed update.
 */
export function bringsChanges(ydoc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    // A skip stands for a gap in the update, not for content.
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(ydoc.store, struct.id.client)) return true;
  }
  if (ds.clients.size === 0) return false;
  // Rare (a reconnecting editor's sync step 2 carries its whole delete set): one pass over the story.
  const deleted = Y.createDeleteSetFromStructStore(ydoc.store);
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(ydoc.store, client);
    const held = deleted.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (clock + len > known) return true;
      if (!covered(held, clock, len)) return true;
    }
  }
  return false;
}

/** Whether the sorted, merged ranges `held` cover [clock, clock + len). */
function covered(held: ReadonlyArray<{ clock: number; len: number }>, clock: number, len: number): boolean {
  let low = 0;
  let high = held.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const range = held[mid]!;
    if (clock < range.clock) high = mid - 1;
    else if (clock >= range.clock + range.len) low = mid + 1;
    else return clock + len <= range.clock + range.len;
  }
  return false;
}
