import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';
import { connectClient, createStory, waitFor } from '../helpers.ts';
import { storedDoc } from './storedDoc.ts';
import { seededRandom, tokensIn } from './storyTokens.ts';
import { useFaultyServer } from './useFaultyServer.ts';
import { Writer } from './Writer.ts';

const CLIENTS = 3;

/** One step of a run. */
type Step =
  /** The client types `words` tokens (offline when disconnected). */
  | { kind: 'type'; client: number; words: number }
  | { kind: 'disconnect'; client: number }
  | { kind: 'connect'; client: number }
  /**
   * `to` receives everything `from` holds that it lacks, straight from `from` as y-websocket's
   * BroadcastChannel between two tabs delivers it: applied with `to`'s provider as origin, so `to`
   * never sends it to the server itself. Whatever `to` types next may build on structs the
   * server has never seen.
   */
  | { kind: 'tab'; from: number; to: number }
  /**
   * The missing-struct case spelled out: `from` goes offline and types, a tab hands its words to
   * `to`, and `to` types too, connected or not (as 'disconnect', 'type', 'tab', 'type' would).
   */
  | { kind: 'handOver'; from: number; to: number; words: number }
  | { kind: 'pause'; ms: number }
  /** Every store commit fails (true) or works again (false). */
  | { kind: 'store'; failing: boolean };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), client, words: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('connect' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tab' as const), from: client, to: client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handOver' as const), from: client, to: client, words: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('store' as const), failing: fc.boolean() }) },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bodyOf = (ydoc: Y.Doc) => ydoc.getXmlFragment(DOC_FIELD).toString();

// "random interleavings of typing, reconnects and missing-struct updates converge with nothing lost"
describe('any interleaving of typing, reconnects, tab-to-tab updates and store failures', () => {
  const server = useFaultyServer();
  /** Every run's story and every word typed into it. */
  const runs = new Map<string, string[]>();
  /**
   * How often a connected client typed after a tab handed it words of an offline client: its
   * update may build on structs the server has never seen (when it lands next to those words).
   */
  let builtOnMissingStructs = 0;

  afterAll(() => {
    server.store.failing = false;
  });

  it('converges: every copy, a fresh reader and the store hold the same story with every word typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (steps, seed) => {
        const run = runs.size;
        const id = await createStory(server.url, `Run ${run}`, server.admin);
        const writers = Array.from({ length: CLIENTS }, (_, index) => new Writer(`p${run}x${index}`, id, server.url, server.admin));
        const random = seededRandom(seed);
        /** Clients holding words from an offline tab that they have not typed on top of yet. */
        const handedOffline = new Set<Writer>();
        try {
          await waitFor('the writers to sync', () => writers.every((writer) => writer.synced));
          const type = (writer: Writer, words: number) => {
            if (handedOffline.delete(writer) && writer.provider.shouldConnect) builtOnMissingStructs += 1;
            for (let i = 0; i < words; i += 1) writer.type(random);
          };
          const tab = (from: Writer, to: Writer) => {
            const lacking = Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc));
            if (!from.provider.shouldConnect && Y.parseUpdateMeta(lacking).to.size > 0) handedOffline.add(to);
            Y.applyUpdate(to.ydoc, lacking, to.provider);
          };
          for (const each of steps) {
            switch (each.kind) {
              case 'type':
                type(writers[each.client]!, each.words);
                break;
              case 'disconnect':
                writers[each.client]!.disconnect();
                break;
              case 'connect':
                writers[each.client]!.connect();
                break;
              case 'tab':
                if (each.from !== each.to) tab(writers[each.from]!, writers[each.to]!);
                break;
              case 'handOver': {
                const from = writers[each.from]!;
                const to = writers[each.to]!;
                if (from === to) break;
                from.disconnect();
                type(from, each.words);
                tab(from, to);
                type(to, 1);
                break;
              }
              case 'pause':
                await sleep(each.ms);
                break;
              case 'store':
                server.store.failing = each.failing;
                break;
            }
            // The server runs in this process: let it read and commit between steps, so frames interleave.
            await new Promise((resolve) => setImmediate(resolve));
          }
          const everything = writers.flatMap((writer) => writer.typed);
          runs.set(id, everything);

          server.store.failing = false;
          for (const writer of writers) writer.connect();
          await waitFor(
            'every copy to hold every word and be saved',
            () => writers.every((writer) => writer.synced && writer.allSaved && everything.every((token) => tokensIn(writer.ydoc).has(token))),
            20_000,
          );
          const body = bodyOf(writers[0]!.ydoc);
          for (const writer of writers) expect(bodyOf(writer.ydoc), `${writer.name} converged`).toBe(body);

          const fresh = connectClient(server.url, id, { auth: server.admin });
          try {
            await fresh.synced;
            expect(bodyOf(fresh.ydoc), 'a fresh reader gets the same story').toBe(body);
          } finally {
            fresh.destroy();
          }
          const stored = tokensIn(await storedDoc(server.store.inner, id));
          expect(everything.filter((token) => !stored.has(token)), 'typed, saved, not stored').toEqual([]);
        } finally {
          for (const writer of writers) writer.destroy();
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
    // Without this the property could pass without ever sending the server a missing-struct update.
    expect(builtOnMissingStructs, 'edits built on structs only an offline tab had').toBeGreaterThan(3);
  }, 90_000);

  it('keeps every run’s story through a restart', async () => {
    expect(runs.size).toBeGreaterThan(0);
    await server.restart();
    for (const [id, everything] of runs) {
      const fresh = connectClient(server.url, id, { auth: server.admin });
      try {
        await fresh.synced;
        const held = tokensIn(fresh.ydoc);
        expect(everything.filter((token) => !held.has(token)), `story ${id}`).toEqual([]);
      } finally {
        fresh.destroy();
      }
    }
  });
});
