import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPatch, TRACE_DIR, loadSequentialTrace, parseSequentialTrace, textAfter, type SequentialTrace } from './traces.ts';
import { TraceReplay } from './TraceReplay.ts';

const tiny: SequentialTrace = {
  name: 'tiny',
  endContent: 'Hello, world',
  txns: [[[0, 0, 'Helo']], [[3, 0, 'l']], [[5, 0, ' wrld']], [[6, 0, 'x']], [[6, 1, '']], [[5, 0, ','], [8, 0, 'o']]],
};

describe('sequential traces', () => {
  it('parses the gzip JSON format and rejects malformed patches', () => {
    const gz = gzipSync(JSON.stringify({ startContent: '', endContent: 'ab', txns: [{ patches: [[0, 0, 'ab']] }] }));
    expect(parseSequentialTrace('t', gz).txns).toEqual([[[0, 0, 'ab']]]);
    const bad = gzipSync(JSON.stringify({ endContent: '', txns: [{ patches: [[0, 'x', 'ab']] }] }));
    expect(() => parseSequentialTrace('t', bad)).toThrow(RangeError);
  });

  it('applies patches like Array.splice and refuses out-of-range ones', () => {
    expect(applyPatch('abcdef', [2, 2, 'XY'])).toBe('abXYef');
    expect(() => applyPatch('abc', [2, 5, ''])).toThrow(RangeError);
    expect(textAfter(tiny, tiny.txns.length)).toBe(tiny.endContent);
  });

  it("reads the handbook's traces beside the repository, and names the override when a trace is missing", () => {
    if (!process.env.COPYDESK_TRACE_DIR) expect(TRACE_DIR).toBe(path.resolve(import.meta.dirname, '../../shared/traces'));
    const empty = mkdtempSync(path.join(tmpdir(), 'copydesk-traces-'));
    expect(() => loadSequentialTrace('seph-blog1', empty)).toThrow(/COPYDESK_TRACE_DIR/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('replays the real seph-blog1 trace to its recorded end content', () => {
    const trace = loadSequentialTrace('seph-blog1');
    expect(trace.txns.length).toBeGreaterThan(100_000);
    expect(textAfter(trace, trace.txns.length)).toBe(trace.endContent);
  });
});

describe('TraceReplay', () => {
  it('starts from the text at its start and types the rest of the trace', () => {
    const replay = new TraceReplay(tiny, 2);
    expect(replay.initialText).toBe('Hello');
    let text = replay.initialText;
    for (let i = 2; i < tiny.txns.length; i++) {
      for (const p of replay.next()) text = applyPatch(text, p);
      expect(text).toBe(textAfter(tiny, i + 1));
      expect(replay.textLength).toBe(text.length);
    }
  });

  it('clears the text and starts over when the trace runs out', () => {
    const replay = new TraceReplay(tiny, 5);
    let text = replay.initialText;
    for (const p of replay.next()) text = applyPatch(text, p);
    expect(text).toBe(tiny.endContent);
    expect(replay.next()).toEqual([[0, tiny.endContent.length, '']]);
    expect(replay.next()).toEqual([[0, 0, 'Helo']]);
    expect(replay.position).toBe(1);
  });

  it('drives a Y.XmlText to the same text as the trace', () => {
    const trace = loadSequentialTrace('seph-blog1');
    const start = 1500;
    const replay = new TraceReplay(trace, start);
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    doc.getXmlFragment('default').push([text]);
    text.insert(0, replay.initialText);
    for (let i = 0; i < 2_000; i++) {
      for (const [pos, del, ins] of replay.next()) {
        if (del) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    }
    expect(text.toString()).toBe(textAfter(trace, start + 2_000));
  });
});
