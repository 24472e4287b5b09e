import * as Y from 'yjs';

/**
 * Whether applying `update` would change `ydoc`: content it does not hold yet (content that would
 * wait for some it lacks included), or a deletion of something it has not deleted. The update is
 * decoded, never applied, and each deleted range is looked up in the story's structs (a binary
 * search, then the structs the range spans), so a hostile range costs no pass over the story.
 * Throws on a malformed update.
 */
export function bringsChanges(ydoc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    // A skip stands for a gap in the update, not for content.
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(ydoc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(ydoc.store, client);
    const held = ydoc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (clock + len > known || !held || !allDeleted(held, clock, clock + len)) return true;
    }
  }
  return false;
}

/** Whether every struct of `structs` (one client's, in clock order, covering [0, state)) in [from, to) is deleted. */
function allDeleted(structs: ReadonlyArray<Y.GC | Y.Item>, from: number, to: number): boolean {
  for (let i = Y.findIndexSS(structs as Array<Y.GC | Y.Item>, from); i < structs.length && structs[i]!.id.clock < to; i++) {
    if (!structs[i]!.deleted) return false;
  }
  return true;
}
