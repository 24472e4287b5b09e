import * as Y from 'yjs';

/** Where the last `readVarUint` stopped: module state, so the keystroke path allocates nothing. */
let next = 0;

/** Reads the lib0 variable-length unsigned integer at `at`; `next` is then the offset after it. */
function readVarUint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new RangeError('the update ends inside a number');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      next = at;
      return value;
    }
    scale *= 128;
    if (scale > 2 ** 53) throw new RangeError('a number in the update is too large');
  }
}

/**
 * The client id of a (v1) update that carries the structs of exactly one client (a keystroke),
 * read from its first three numbers without decoding it or allocating; -1 for any other update.
 */
export function soleClient(update: Uint8Array): number {
  if (readVarUint(update, 0) !== 1) return -1;
  readVarUint(update, next); // how many structs
  return readVarUint(update, next);
}

/** How many clients' structs a (v1) update carries (0: deletions only). */
export function structGroups(update: Uint8Array): number {
  return readVarUint(update, 0);
}

/** The clock of the first struct of a (v1) update of one client (see soleClient); -1 for any other update. */
export function soleClientStart(update: Uint8Array): number {
  if (soleClient(update) === -1) return -1;
  return readVarUint(update, next);
}

/**
 * The Yjs client ids whose structs a (v1) update carries. The common case, an update of one client
 * (a keystroke), is read from the first three numbers of the update without decoding it; only an
 * update of several clients is parsed (`Y.parseUpdateMeta`).
 */
export function updateClients(update: Uint8Array): number[] {
  const groups = readVarUint(update, 0);
  if (groups === 0) return [];
  if (groups === 1) return [soleClient(update)];
  return [...Y.parseUpdateMeta(update).to.keys()];
}
