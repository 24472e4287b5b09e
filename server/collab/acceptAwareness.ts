import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as awarenessProtocol from 'y-protocols/awareness';

/** The awareness `user` field every client shows on a cursor. */
export interface AwarenessUser {
  name: string;
  color: string;
}

/** What accepting one socket's awareness update changed, and the bytes to relay. */
export interface AcceptedAwareness {
  /** The update to relay to the other sockets (null when nothing changed). */
  relay: Uint8Array | null;
  /** Client ids whose state this update set. */
  set: number[];
  /** Client ids whose state this update removed. */
  removed: number[];
}

const sameUser = (value: unknown, user: AwarenessUser): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.name === user.name && record.color === user.color && Object.keys(record).length === 2;
};

/**
 * Applies a socket's (validated) awareness update to `awareness` with one parse per state, as
 * y-protocols' applyAwarenessUpdate does, after stamping it: every state's `user` becomes the signed-in
 * account's, whatever the client sent, so cursor names cannot be forged; entries for client ids
 * `mayUse` refuses (another socket's) are dropped. A state that already names the account is relayed
 * byte for byte; only a rewritten one is encoded again. No awareness event is emitted: the caller relays.
 */
export function acceptAwareness(
  awareness: awarenessProtocol.Awareness,
  update: Uint8Array,
  user: AwarenessUser,
  mayUse: (clientId: number) => boolean,
  now = Date.now(),
): AcceptedAwareness {
  // Every entry is read before any is applied: a malformed update changes nothing.
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Array<[clientId: number, clock: number, json: string, state: unknown]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push([clientId, clock, json, JSON.parse(json)]);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  const kept: Array<[clientId: number, clock: number, json: string]> = [];
  const set: number[] = [];
  const removed: number[] = [];
  let rewritten = false;
  for (const entry of entries) {
    const [clientId, , , parsed] = entry;
    let [, clock, json] = entry;
    if (!mayUse(clientId) || (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))) {
      rewritten = true;
      continue;
    }
    let state = parsed as Record<string, unknown> | null;
    if (state !== null && !sameUser(state.user, user)) {
      state = { ...state, user: { name: user.name, color: user.color } };
      json = JSON.stringify(state);
      rewritten = true;
    }
    const meta = awareness.meta.get(clientId);
    const currentClock = meta === undefined ? 0 : meta.clock;
    const known = awareness.states.has(clientId);
    if (currentClock < clock || (currentClock === clock && state === null && known)) {
      if (state === null) {
        if (clientId === awareness.clientID && awareness.getLocalState() !== null) clock++;
        else awareness.states.delete(clientId);
        if (known) removed.push(clientId);
      } else {
        awareness.states.set(clientId, state);
        set.push(clientId);
      }
      awareness.meta.set(clientId, { clock, lastUpdated: now });
      kept.push([clientId, clock, json]);
    } else {
      rewritten = true;
    }
  }
  if (kept.length === 0) return { relay: null, set, removed };
  if (!rewritten) return { relay: update, set, removed };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { relay: encoding.toUint8Array(encoder), set, removed };
}
