import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { StoryAccess } from '../auth/storyAccess.ts';
import { ProtocolError } from './protocol.ts';
import { TokenBucket } from './TokenBucket.ts';

/** What to do with one awareness update from a socket. */
export type AwarenessVerdict =
  | { kind: 'relay'; update: Uint8Array }
  | { kind: 'drop' }
  /** Over the rate: the newest state of each client is kept and comes out of `release` in `inMs`. */
  | { kind: 'later'; inMs: number }
  | { kind: 'close'; code: number; reason: string };

/** The bounds an AwarenessGuard applies; every field has a default. */
export interface AwarenessLimits {
  /** Largest state of one awareness client, in bytes of its JSON. Larger closes the socket. */
  maxStateBytes: number;
  /** Distinct awareness client ids one socket may speak for over its life (a browser tab uses one). */
  maxClientIds: number;
  /** Entries one update may carry (a browser echoes every participant's state it hears of); more is dropped. */
  maxEntries: number;
  /** Sustained awareness updates per second; beyond it, only each client's newest state is kept for later. */
  ratePerSecond: number;
  /** Updates accepted back to back before the rate applies. */
  burst: number;
  /** Largest `cursor` a read-only socket may show, in bytes of its JSON; a larger one is left out. */
  maxReaderCursorBytes: number;
}

/** y-prosemirror's cursor is two relative positions, about 200 bytes; a name and colour fewer. */
export const DEFAULT_AWARENESS_LIMITS: Readonly<AwarenessLimits> = Object.freeze({
  maxStateBytes: 4 * 1024,
  maxClientIds: 4,
  maxEntries: 512,
  ratePerSecond: 30,
  burst: 30,
  maxReaderCursorBytes: 1024,
});

/** The fields of a read-only socket's state that reach others: who they are and where they read. */
const READER_FIELDS = ['user', 'cursor'] as const;

interface Entry {
  clientId: number;
  clock: number;
  json: Uint8Array;
}

const utf8 = new TextDecoder();
const toUtf8 = new TextEncoder();

/**
 * Bounds one socket's awareness (cursors and presence) before it is applied and relayed, so a
 * socket cannot flood its colleagues: a state larger than `maxStateBytes`, or a socket speaking
 * for more than `maxClientIds` clients, closes it with AwarenessTooLarge; updates beyond
 * `ratePerSecond` (token bucket, `burst` deep) are coalesced: each client's newest state waits
 * (at most `maxClientIds` × `maxStateBytes`) and `release` hands it over when a token is back, so a
 * fast typist's last cursor position always arrives; a read-only socket's states keep only
 * `user` and a small `cursor` (everything else it sets is stripped), so a viewer shows who and
 * where, nothing more. Removals (null states) pass. One guard per socket.
 * Call it before the update is parsed any further: a writer's states are measured, never decoded.
 * Throws (lib0's decoding errors, ProtocolError, SyntaxError) on a malformed update.
 */
export class AwarenessGuard {
  readonly #limits: Readonly<AwarenessLimits>;
  readonly #clientIds = new Set<number>();
  readonly #rate: TokenBucket;
  /** The newest over-rate state of each client, waiting for a token. */
  readonly #waiting = new Map<number, Entry>();

  constructor(limits: Partial<AwarenessLimits> = {}) {
    this.#limits = { ...DEFAULT_AWARENESS_LIMITS, ...limits };
    this.#rate = new TokenBucket(this.#limits.ratePerSecond, this.#limits.burst);
  }

  /**
   * Judges one awareness update (the payload of an awareness message) sent at `nowMs`. `stale`
   * tells which entries change nothing the story holds: another socket's client (y-websocket sends
   * back every state it hears of) or a clock not newer than the story's. They are left out before
   * anything else, unparsed and uncounted, so echoes cost neither a rate token nor a JSON parse.
   */
  admit(
    update: Uint8Array,
    access: StoryAccess,
    nowMs: number,
    stale: (clientId: number, clock: number, removal: boolean) => boolean = () => false,
  ): AwarenessVerdict {
    const limits = this.#limits;
    const all = readEntries(update, limits.maxEntries);
    if (all === null) return { kind: 'drop' };
    const entries = all.filter((entry) => !stale(entry.clientId, entry.clock, isNull(entry.json)));
    if (entries.length === 0) return { kind: 'drop' };
    for (const entry of entries) {
      if (entry.json.byteLength > limits.maxStateBytes) {
        return { kind: 'close', code: CloseCode.AwarenessTooLarge, reason: `awareness states are limited to ${limits.maxStateBytes} bytes` };
      }
      if (!this.#clientIds.has(entry.clientId)) {
        if (this.#clientIds.size >= limits.maxClientIds) return tooManyClients(limits);
        this.#clientIds.add(entry.clientId);
      }
    }
    if (!this.#rate.tryTake(1, nowMs)) {
      for (const entry of entries) this.#wait(entry);
      return { kind: 'later', inMs: this.#rate.msUntil(1, nowMs) };
    }
    if (this.#waiting.size === 0) return this.#verdict(entries, access, entries.length === all.length ? update : null);
    for (const entry of entries) this.#wait(entry);
    return this.#releaseWaiting(access, stale);
  }

  /**
   * The states held back by the rate, once a token is back at `nowMs`: 'relay' with each client's
   * newest state (those `stale` now are left out), 'later' when still over the rate, 'drop' when
   * nothing waits.
   */
  release(
    access: StoryAccess,
    nowMs: number,
    stale: (clientId: number, clock: number, removal: boolean) => boolean = () => false,
  ): AwarenessVerdict {
    if (this.#waiting.size === 0) return { kind: 'drop' };
    if (!this.#rate.tryTake(1, nowMs)) return { kind: 'later', inMs: this.#rate.msUntil(1, nowMs) };
    return this.#releaseWaiting(access, stale);
  }

  #wait(entry: Entry): void {
    const held = this.#waiting.get(entry.clientId);
    if (held === undefined || held.clock <= entry.clock) this.#waiting.set(entry.clientId, entry);
  }

  #releaseWaiting(access: StoryAccess, stale: (clientId: number, clock: number, removal: boolean) => boolean): AwarenessVerdict {
    const entries = [...this.#waiting.values()].filter((entry) => !stale(entry.clientId, entry.clock, isNull(entry.json)));
    this.#waiting.clear();
    if (entries.length === 0) return { kind: 'drop' };
    return this.#verdict(entries, access, null);
  }

  /** `original` is the update the entries came from unchanged, relayed as it is; null to encode them. */
  #verdict(entries: Entry[], access: StoryAccess, original: Uint8Array | null): AwarenessVerdict {
    if (access === 'write') return { kind: 'relay', update: original ?? writeEntries(entries) };
    return { kind: 'relay', update: writeEntries(entries.map((entry) => ({ ...entry, json: this.#readerState(entry.json) }))) };
  }


  /** A reader's state reduced to its `user` and a small `cursor`; null (a removal) stays null. */
  #readerState(json: Uint8Array): Uint8Array {
    const state: unknown = JSON.parse(utf8.decode(json));
    if (state === null || typeof state !== 'object' || Array.isArray(state)) return json;
    const kept: Record<string, unknown> = {};
    for (const field of READER_FIELDS) {
      if (!(field in state)) continue;
      const value = (state as Record<string, unknown>)[field];
      if (field === 'cursor' && toUtf8.encode(JSON.stringify(value) ?? '').byteLength > this.#limits.maxReaderCursorBytes) continue;
      kept[field] = value;
    }
    return toUtf8.encode(JSON.stringify(kept));
  }
}

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]; // "null": a removal

function isNull(json: Uint8Array): boolean {
  return json.byteLength === 4 && NULL_JSON.every((byte, i) => json[i] === byte);
}

function tooManyClients(limits: AwarenessLimits): AwarenessVerdict {
  return { kind: 'close', code: CloseCode.AwarenessTooLarge, reason: `a socket may speak for ${limits.maxClientIds} awareness clients` };
}

/** The update's entries, or null when it holds more than `max` (nothing past the count is read then). */
function readEntries(update: Uint8Array, max: number): Entry[] | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > max) return null;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is its UTF-8 bytes behind their length: the size is known before anything is decoded.
    entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
  return entries;
}

function writeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
