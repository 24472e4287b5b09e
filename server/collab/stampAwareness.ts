import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The awareness `user` field every client shows on a cursor. */
export interface AwarenessUser {
  name: string;
  color: string;
}

/**
 * Rewrites an awareness update so every state it carries names the signed-in account:
 * `user` is replaced by `user`, whatever the client sent, so cursor names cannot be forged.
 * Entries for client ids `mayUse` refuses (another socket's) are dropped, so one socket cannot
 * overwrite or remove someone else's cursor. Removals (`null` states) pass through.
 * The update must already be validated (see decodeClientMessage).
 */
export function stampAwareness(update: Uint8Array, user: AwarenessUser, mayUse: (clientId: number) => boolean): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<[clientId: number, clock: number, state: string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!mayUse(clientId)) continue;
    if (state === null) {
      kept.push([clientId, clock, 'null']);
    } else if (typeof state === 'object' && !Array.isArray(state)) {
      kept.push([clientId, clock, JSON.stringify({ ...state, user: { name: user.name, color: user.color } })]);
    }
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
