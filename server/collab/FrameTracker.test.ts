import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameTracker } from './FrameTracker.ts';

/** A masked client frame (RFC 6455 §5.2) with `payload`, as browsers send them. */
function frame(opcode: number, payload: Uint8Array, fin = true): Uint8Array {
  const length = payload.byteLength;
  const extended = length > 65_535 ? 8 : length > 125 ? 2 : 0;
  const out = new Uint8Array(2 + extended + 4 + length);
  out[0] = (fin ? 0x80 : 0) | opcode;
  out[1] = 0x80 | (extended === 8 ? 127 : extended === 2 ? 126 : length);
  const view = new DataView(out.buffer);
  if (extended === 2) view.setUint16(2, length);
  if (extended === 8) view.setBigUint64(2, BigInt(length));
  out.set([1, 2, 3, 4], 2 + extended);
  out.set(payload, 6 + extended);
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

describe('FrameTracker', () => {
  it('is idle between whole frames of every length encoding, busy inside one', () => {
    for (const length of [0, 1, 125, 126, 65_535, 65_536, 70_000]) {
      const tracker = new FrameTracker();
      const bytes = frame(2, new Uint8Array(length));
      tracker.feed(bytes.subarray(0, bytes.byteLength - 1));
      expect(tracker.busy).toBe(true);
      tracker.feed(bytes.subarray(bytes.byteLength - 1));
      expect(tracker.busy).toBe(false);
      expect(tracker.started).toBe(1);
    }
  });

  it('is busy on a header alone, even one announcing 8 MB', () => {
    const tracker = new FrameTracker();
    tracker.feed(frame(2, new Uint8Array(8 * 1024 * 1024)).subarray(0, 14));
    expect(tracker.busy).toBe(true);
    tracker.feed(new Uint8Array(8 * 1024 * 1024 - 1));
    expect(tracker.busy).toBe(true);
    tracker.feed(new Uint8Array(1));
    expect(tracker.busy).toBe(false);
  });

  it('stays busy through a fragmented message and the control frames between its fragments', () => {
    const tracker = new FrameTracker();
    tracker.feed(frame(2, new Uint8Array(10), false));
    expect(tracker.busy).toBe(true);
    tracker.feed(frame(9, new Uint8Array(4))); // ping
    expect(tracker.busy).toBe(true);
    tracker.feed(frame(0, new Uint8Array(10), false));
    expect(tracker.busy).toBe(true);
    tracker.feed(frame(0, new Uint8Array(3)));
    expect(tracker.busy).toBe(false);
    expect(tracker.started).toBe(1);
    tracker.feed(frame(10, new Uint8Array(0))); // pong
    expect(tracker.started).toBe(2);
  });

  it('counts a new message that starts in the same chunk as the end of the last one', () => {
    const tracker = new FrameTracker();
    const first = frame(2, new Uint8Array(300));
    const second = frame(2, new Uint8Array(300));
    tracker.feed(first.subarray(0, 100));
    expect(tracker.started).toBe(1);
    tracker.feed(concat(first.subarray(100), second.subarray(0, 5)));
    expect(tracker.started).toBe(2);
    expect(tracker.busy).toBe(true);
  });

  it('agrees with the frame boundaries however the stream is cut', () => {
    const messages = fc.array(
      fc.record({ length: fc.oneof(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 65_530, max: 65_540 })), fragments: fc.integer({ min: 1, max: 3 }) }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(messages, fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 8 }), (spec, cuts) => {
        const frames: Uint8Array[] = [];
        for (const { length, fragments } of spec) {
          for (let i = 0; i < fragments; i++) frames.push(frame(i === 0 ? 2 : 0, new Uint8Array(length), i === fragments - 1));
        }
        const stream = concat(...frames);
        const tracker = new FrameTracker();
        let at = 0;
        for (const cut of cuts) {
          const next = Math.min(stream.byteLength, at + cut);
          tracker.feed(stream.subarray(at, next));
          at = next;
        }
        tracker.feed(stream.subarray(at));
        expect(tracker.busy).toBe(false);
        expect(tracker.started).toBe(spec.length);
        if (stream.byteLength > 1) {
          const partial = new FrameTracker();
          partial.feed(stream.subarray(0, stream.byteLength - 1));
          expect(partial.busy).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
