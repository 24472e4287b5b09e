import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { soleClient, soleClientStart, structGroups, updateClients } from './updateClients.ts';

function docOf(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

describe('updateClients', () => {
  it('reads the one client of a keystroke, for any client id Yjs can make', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string({ minLength: 1 }), (clientID, text) => {
        const doc = docOf(clientID);
        let update: Uint8Array | null = null;
        doc.on('update', (bytes: Uint8Array) => (update = bytes));
        doc.getText('t').insert(0, text);
        expect(updateClients(update!)).toEqual([clientID]);
        expect(soleClient(update!)).toBe(clientID);
        doc.destroy();
      }),
    );
  });

  it('lists every client of an update that carries several, and none of a deletion', () => {
    const a = docOf(11);
    const b = docOf(2 ** 32 - 2);
    a.getText('t').insert(0, 'one ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(4, 'two');
    expect(updateClients(Y.encodeStateAsUpdate(b)).sort((x, y) => x - y)).toEqual([11, 2 ** 32 - 2]);
    expect(soleClient(Y.encodeStateAsUpdate(b))).toBe(-1);
    let deletion: Uint8Array | null = null;
    b.on('update', (bytes: Uint8Array) => (deletion = bytes));
    b.getText('t').delete(0, 2);
    expect(updateClients(deletion!)).toEqual([]);
  });

  it("reads where a keystroke's structs start: the writer's clock before it", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 8 }), (words) => {
        const doc = docOf(7);
        const text = doc.getText('t');
        let update: Uint8Array | null = null;
        doc.on('update', (bytes: Uint8Array) => (update = bytes));
        for (const word of words) {
          const before = Y.encodeStateVector(doc);
          text.insert(text.length, word);
          expect(structGroups(update!)).toBe(1);
          expect(soleClientStart(update!)).toBe(Y.decodeStateVector(before).get(7) ?? 0);
        }
        const other = docOf(8);
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
        other.getText('t').insert(0, 'x');
        const both = Y.encodeStateAsUpdate(other);
        expect(structGroups(both)).toBe(2);
        expect(soleClientStart(both)).toBe(-1);
        doc.destroy();
        other.destroy();
      }),
    );
  });

  it('refuses a truncated update', () => {
    expect(() => updateClients(new Uint8Array([1, 0x80]))).toThrow(RangeError);
  });
});
