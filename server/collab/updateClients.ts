import * as Y from 'yjs';

/** Reads the lib0 variable-length unsigned integer at `state.at`, moving past it. */
function readVarUint(bytes: Uint8Array, state: { at: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[state.at++];
    if (byte === undefined) throw new RangeError('the update ends inside a number');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
    if (scale > 2 ** 53) throw new RangeError('a number in the update is too large');
  }
}

/**
 * The Yjs client ids whose structs a (v1) update carries. The common case, an update of one client
 * (a keystroke), is read from the first three numbers of the update without decoding it; only an
 * update of several clients is parsed (`Y.parseUpdateMeta`).
 */
export function updateClients(update: Uint8Array): number[] {
  const state = { at: 0 };
  const groups = readVarUint(update, state);
  if (groups === 0) return [];
  if (groups === 1) {
    readVarUint(update, state); // how many structs
    return [readVarUint(update, state)];
  }
  return [...Y.parseUpdateMeta(update).to.keys()];
}
