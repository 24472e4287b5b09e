import * as Y from 'yjs';

const REMOTE = Symbol('network');

/**
 * Replicas of one story exchanging Yjs updates the way the server relays them, except that
 * updates wait in a queue until `flush()`: edits made between two flushes are concurrent.
 */
export class Network {
  private readonly queue: { from: Y.Doc; update: Uint8Array }[] = [];

  constructor(readonly docs: readonly Y.Doc[]) {
    for (const doc of docs) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.queue.push({ from: doc, update });
      });
    }
  }

  /** Starts every replica from `seed`'s state. */
  static seeded(seed: Y.Doc, count: number): Network {
    const docs = Array.from({ length: count }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), REMOTE);
      return doc;
    });
    return new Network(docs);
  }

  /** Delivers every queued update to every other replica, until nothing is left in flight. */
  flush(): void {
    while (this.queue.length) {
      const { from, update } = this.queue.shift()!;
      for (const doc of this.docs) if (doc !== from) Y.applyUpdate(doc, update, REMOTE);
    }
  }
}
