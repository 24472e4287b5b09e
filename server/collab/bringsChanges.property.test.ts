import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringsChanges } from './bringsChanges.ts';

/** One edit of one replica: text typed or deleted, a map key set, or a sync from another replica. */
type Step =
  | { kind: 'type'; who: number; at: number; text: string }
  | { kind: 'delete'; who: number; at: number; length: number }
  | { kind: 'meta'; who: number; value: string }
  | { kind: 'sync'; from: number; to: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), who: fc.nat(2), at: fc.nat(40), text: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat(2), at: fc.nat(40), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('meta' as const), who: fc.nat(2), value: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
);

/** What the story would look like after applying: its state vector, its deletions, anything left waiting. */
function fingerprint(doc: Y.Doc): string {
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  const deleted = [...ds.clients].sort(([a], [b]) => a - b).map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])]);
  const state = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  return JSON.stringify({ state, deleted, pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null });
}

function changedBy(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = fingerprint(copy);
  Y.applyUpdate(copy, update);
  return fingerprint(copy) !== before;
}

describe('bringsChanges', () => {
  it('says whether an update would change the story, for random replicas, syncs and updates', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.nat(2), fc.nat(), fc.boolean(), (steps, sender, pick, gc) => {
        // Replica 0 is the server's story; 1 and 2 are browsers. The server's story collects garbage (deleted content becomes GC structs), as browsers do.
        const replicas = [0, 1, 2].map((n) => {
          const doc = new Y.Doc({ gc });
          doc.clientID = n + 1;
          return doc;
        });
        const sent: Uint8Array[] = [];
        replicas[sender]!.on('update', (update: Uint8Array) => sent.push(update));
        for (const s of steps) {
          if (s.kind === 'sync') {
            const to = replicas[s.to]!;
            Y.applyUpdate(to, Y.encodeStateAsUpdate(replicas[s.from]!, Y.encodeStateVector(to)));
            continue;
          }
          const doc = replicas[s.who]!;
          const text = doc.getText('body');
          if (s.kind === 'type') text.insert(Math.min(s.at, text.length), s.text);
          else if (s.kind === 'delete' && text.length > 0) {
            const at = Math.min(s.at, text.length - 1);
            text.delete(at, Math.min(s.length, text.length - at));
          } else if (s.kind === 'meta') doc.getMap('meta').set('title', s.value);
        }
        const story = replicas[0]!;
        const from = replicas[sender]!;
        // What a browser sends: its sync step 2 against the story, its whole state, or one of its updates (maybe ahead of what the story holds).
        const updates = [Y.encodeStateAsUpdate(from, Y.encodeStateVector(story)), Y.encodeStateAsUpdate(from), ...sent, new Uint8Array([0, 0])];
        const update = updates[pick % updates.length]!;
        expect(bringsChanges(story, update)).toBe(changedBy(story, update));
      }),
      { numRuns: 2000 },
    );
  });

  it('a viewer’s empty sync step 2 brings nothing; a deletion the story already holds brings nothing; a new one does', () => {
    const story = new Y.Doc({ gc: false });
    story.getText('body').insert(0, 'The council met on Tuesday');
    const browser = new Y.Doc({ gc: false });
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(story));
    expect(bringsChanges(story, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(story)))).toBe(false);

    story.getText('body').delete(0, 4);
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(story));
    expect(bringsChanges(story, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(story)))).toBe(false);

    browser.getText('body').delete(0, 8);
    expect(bringsChanges(story, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(story)))).toBe(true);
  });

  it('throws on a malformed update', () => {
    expect(() => bringsChanges(new Y.Doc(), new Uint8Array([5, 200, 1]))).toThrow();
  });
});
