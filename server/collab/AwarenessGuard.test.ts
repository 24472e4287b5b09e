import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { AwarenessGuard, DEFAULT_AWARENESS_LIMITS } from './AwarenessGuard.ts';

/** An awareness update as y-protocols encodes it, for the given states. */
function update(states: Array<[clientId: number, state: unknown]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const [clientId, state] of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function states(bytes: Uint8Array): Array<[number, unknown]> {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  const out: Array<[number, unknown]> = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    out.push([id, JSON.parse(decoding.readVarString(decoder))]);
  }
  return out;
}

const cursor = {
  anchor: { type: { client: 1, clock: 0 }, tname: null, item: { client: 1, clock: 5 }, assoc: 0 },
  head: { type: { client: 1, clock: 0 }, tname: null, item: { client: 1, clock: 9 }, assoc: 0 },
};

describe('AwarenessGuard', () => {
  it("leaves out colleagues' states a browser echoes back: no close however many, no rate token, the own state relayed alone", () => {
    const guard = new AwarenessGuard();
    const colleagues: Array<[number, unknown]> = Array.from({ length: 40 }, (_, i) => [100 + i, { user: { name: `Writer ${i}` }, cursor }]);
    const stale = (clientId: number) => clientId >= 100;
    for (let i = 0; i < 200; i++) expect(guard.admit(update(colleagues), 'write', 0, stale)).toEqual({ kind: 'drop' });
    const own = guard.admit(update([[7, { user: { name: 'Rita' }, cursor }], ...colleagues]), 'write', 0, stale);
    expect(own.kind === 'relay' && states(own.update)).toEqual([[7, { user: { name: 'Rita' }, cursor }]]);
  });

  it("relays a writer's real y-protocols update unchanged", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Rita', color: '#123456' }, cursor, typing: true });
    const bytes = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const verdict = new AwarenessGuard().admit(bytes, 'write', 0);
    expect(verdict).toEqual({ kind: 'relay', update: bytes });
    awareness.destroy();
    doc.destroy();
  });

  it("keeps only a reader's user and cursor; removals pass", () => {
    const guard = new AwarenessGuard();
    const verdict = guard.admit(update([[7, { user: { name: 'Vic' }, cursor, banner: 'x'.repeat(3000), note: 1 }]]), 'read', 0);
    expect(verdict.kind).toBe('relay');
    if (verdict.kind !== 'relay') return;
    expect(states(verdict.update)).toEqual([[7, { user: { name: 'Vic' }, cursor }]]);
    const removal = guard.admit(update([[7, null]]), 'read', 1000);
    expect(removal.kind === 'relay' && states(removal.update)).toEqual([[7, null]]);
  });

  it("leaves out a reader's cursor beyond its bound, keeps their user", () => {
    const guard = new AwarenessGuard({ maxReaderCursorBytes: 300 });
    const verdict = guard.admit(update([[7, { user: { name: 'Vic' }, cursor: { anchor: 'a'.repeat(400) } }]]), 'read', 0);
    expect(verdict.kind === 'relay' && states(verdict.update)).toEqual([[7, { user: { name: 'Vic' } }]]);
  });

  it('closes with AwarenessTooLarge on a state over the bound, for writers and readers alike', () => {
    for (const access of ['write', 'read'] as const) {
      const guard = new AwarenessGuard();
      const big = { user: { name: 'Vic' }, blob: 'é'.repeat(DEFAULT_AWARENESS_LIMITS.maxStateBytes / 2) };
      const verdict = guard.admit(update([[7, big]]), access, 0);
      expect(verdict).toMatchObject({ kind: 'close', code: CloseCode.AwarenessTooLarge });
    }
    // Exactly at the bound passes: the limit counts UTF-8 bytes of the JSON.
    const atBound = JSON.stringify({ b: '' }).length;
    const fits = { b: 'x'.repeat(DEFAULT_AWARENESS_LIMITS.maxStateBytes - atBound) };
    expect(new AwarenessGuard().admit(update([[7, fits]]), 'write', 0).kind).toBe('relay');
  });

  it('closes a socket that speaks for more client ids than allowed, over time or in one update', () => {
    const guard = new AwarenessGuard({ maxClientIds: 2 });
    expect(guard.admit(update([[1, {}]]), 'write', 0).kind).toBe('relay');
    expect(guard.admit(update([[2, {}]]), 'write', 100).kind).toBe('relay');
    expect(guard.admit(update([[1, {}], [2, {}]]), 'write', 200).kind).toBe('relay');
    expect(guard.admit(update([[3, {}]]), 'write', 300)).toMatchObject({ kind: 'close', code: CloseCode.AwarenessTooLarge });
    const many = update(Array.from({ length: 3 }, (_, i) => [i, {}] as [number, unknown]));
    expect(new AwarenessGuard({ maxClientIds: 2 }).admit(many, 'write', 0)).toMatchObject({ kind: 'close' });
  });

  it('holds updates beyond the burst, then admits the sustained rate', () => {
    const guard = new AwarenessGuard({ ratePerSecond: 30, burst: 30 });
    const small = update([[1, { user: {} }]]);
    let relayed = 0;
    // 100 updates in the same millisecond: the burst passes, the rest waits.
    for (let i = 0; i < 100; i++) if (guard.admit(small, 'write', 1_000).kind === 'relay') relayed++;
    expect(relayed).toBe(30);
    expect(guard.admit(small, 'write', 1_000)).toEqual({ kind: 'later', inMs: 34 });
    // A flood of 1,000 updates a second for 10 s: about 30 a second get through.
    relayed = 0;
    for (let ms = 1_001; ms <= 11_000; ms++) if (guard.admit(small, 'write', ms).kind === 'relay') relayed++;
    expect(relayed).toBeGreaterThanOrEqual(299);
    expect(relayed).toBeLessThanOrEqual(301);
    // After a quiet second the bucket is full again.
    relayed = 0;
    for (let i = 0; i < 40; i++) if (guard.admit(small, 'write', 13_000).kind === 'relay') relayed++;
    expect(relayed).toBe(30);
  });

  it("keeps each client's newest over-rate state and releases it once a token is back: a typist's last cursor arrives", () => {
    const guard = new AwarenessGuard({ burst: 1, ratePerSecond: 10 });
    const at = (clientId: number, clock: number, position: number): Uint8Array => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify({ position }));
      return encoding.toUint8Array(encoder);
    };
    expect(guard.admit(at(1, 1, 1), 'write', 0).kind).toBe('relay');
    expect(guard.admit(at(1, 2, 2), 'write', 10)).toEqual({ kind: 'later', inMs: 90 });
    expect(guard.admit(at(2, 1, 7), 'write', 20).kind).toBe('later');
    expect(guard.admit(at(1, 3, 3), 'write', 30).kind).toBe('later');
    expect(guard.release('write', 50)).toEqual({ kind: 'later', inMs: 50 });
    const released = guard.release('write', 100);
    expect(released.kind === 'relay' && states(released.update)).toEqual([[1, { position: 3 }], [2, { position: 7 }]]);
    expect(guard.release('write', 1_000)).toEqual({ kind: 'drop' });
    // What became stale while it waited (a newer state arrived another way) is left out.
    guard.admit(at(1, 4, 4), 'write', 1_000);
    expect(guard.admit(at(1, 5, 5), 'write', 1_001).kind).toBe('later');
    expect(guard.release('write', 2_000, (clientId, clock) => clientId === 1 && clock <= 5)).toEqual({ kind: 'drop' });
  });

  it('an update admitted while others wait carries them along, newest state per client', () => {
    const guard = new AwarenessGuard({ burst: 1, ratePerSecond: 10 });
    expect(guard.admit(update([[1, { n: 1 }]]), 'write', 0).kind).toBe('relay');
    expect(guard.admit(update([[2, { n: 2 }]]), 'write', 1).kind).toBe('later');
    const both = guard.admit(update([[3, { n: 3 }]]), 'write', 500);
    expect(both.kind === 'relay' && states(both.update)).toEqual([[2, { n: 2 }], [3, { n: 3 }]]);
    expect(guard.release('write', 600)).toEqual({ kind: 'drop' });
  });

  it('measures an over-rate state without parsing it, and closes on one over the bound', () => {
    const guard = new AwarenessGuard({ burst: 1, ratePerSecond: 1 });
    expect(guard.admit(update([[1, {}]]), 'write', 0).kind).toBe('relay');
    const notJson = Uint8Array.of(1, 1, 2, 1, 0x7b);
    expect(guard.admit(notJson, 'write', 10).kind).toBe('later');
    expect(guard.admit(update([[1, { blob: 'x'.repeat(10_000) }]]), 'write', 20)).toMatchObject({ kind: 'close', code: CloseCode.AwarenessTooLarge });
  });
});

describe('AwarenessGuard on malformed updates', () => {
  it('throws, so the connection closes with BadMessage', () => {
    const good = update([[1, { user: {} }]]);
    expect(() => new AwarenessGuard().admit(good.subarray(0, good.byteLength - 2), 'write', 0)).toThrow();
    expect(() => new AwarenessGuard().admit(Uint8Array.from([...good, 9]), 'write', 0)).toThrow(/trailing/);
    const notJson = Uint8Array.of(1, 1, 1, 1, 0x7b);
    expect(() => new AwarenessGuard().admit(notJson, 'read', 0)).toThrow(SyntaxError);
  });
});
