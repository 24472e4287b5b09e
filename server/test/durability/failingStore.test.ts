import { afterEach, describe, expect, it } from 'vitest';
import { commentsMap } from '../../../shared/review/commentThreads.ts';
import { api, connectClient, createStory, waitFor } from '../helpers.ts';
import { rangeOf, storyDoc } from '../storyEdits.ts';
import { storedDoc } from './storedDoc.ts';
import { seededRandom, tokensIn } from './storyTokens.ts';
import { useFaultyServer } from './useFaultyServer.ts';
import { Writer } from './Writer.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true as const, () => true as const), timeout]);
  clearTimeout(timer);
  return settled;
}

// Long enough for the commit to be tried, refused and retried a few times, and for SaveTracker's probe to be sent.
const FAILING_MS = 800;
// The longest retry backoff plus a margin.
const HEALED_MS = 15_000;

// "A failed commit relays nothing: the updates stay queued and retried, peers do not see them, and
// the sender keeps Saving…" — with the failure injected at the store itself.
describe('a store whose commits fail', () => {
  const server = useFaultyServer();
  const writers: Writer[] = [];
  const writer = (name: string, id: string) => {
    const created = new Writer(name, id, server.url, server.admin);
    writers.push(created);
    return created;
  };
  afterEach(() => {
    server.store.failing = false;
    for (const each of writers.splice(0)) each.destroy();
  });

  it('relays nothing and saves nothing while failing; once healed, stores, relays and saves everything', async () => {
    const id = await createStory(server.url, 'Flood at the printworks', server.admin);
    const a = writer('a1x0', id);
    const b = writer('b1x1', id);
    await waitFor('both writers to sync', () => a.synced && b.synced);
    const random = seededRandom(1);

    const healthy = a.type(random);
    await waitFor('B to receive the healthy word', () => b.received().includes(healthy));
    await waitFor('A to be saved', () => a.allSaved);

    server.store.failing = true;
    const refusedBefore = server.store.refusedCommits;
    const fromA = [a.type(random), a.type(random), a.type(random)];
    const fromB = [b.type(random), b.type(random)];
    await sleep(FAILING_MS);

    expect(server.store.refusedCommits, 'the server tried to commit and was refused').toBeGreaterThan(refusedBefore);
    expect(b.received(), 'B received nothing A typed while the store failed').toEqual([healthy]);
    expect(a.received(), 'A received nothing B typed while the store failed').toEqual([]);
    expect(a.allSaved, 'A is not told "saved"').toBe(false);
    expect(b.allSaved, 'B is not told "saved"').toBe(false);
    const duringFailure = tokensIn(await storedDoc(server.store.inner, id));
    expect(duringFailure.has(healthy)).toBe(true);
    expect([...fromA, ...fromB].filter((token) => duringFailure.has(token))).toEqual([]);

    server.store.failing = false;
    await waitFor('B to receive what A typed', () => fromA.every((token) => b.received().includes(token)), HEALED_MS);
    await waitFor('A to receive what B typed', () => fromB.every((token) => a.received().includes(token)), HEALED_MS);
    await waitFor('both to be saved', () => a.allSaved && b.allSaved, HEALED_MS);
    const afterHealing = tokensIn(await storedDoc(server.store.inner, id));
    expect([healthy, ...fromA, ...fromB].filter((token) => !afterHealing.has(token))).toEqual([]);

    for (const each of writers.splice(0)) each.destroy();
    await server.restart();
    const fresh = connectClient(server.url, id, { auth: server.admin });
    try {
      await fresh.synced;
      const reloaded = tokensIn(fresh.ydoc);
      expect([healthy, ...fromA, ...fromB].filter((token) => !reloaded.has(token))).toEqual([]);
    } finally {
      fresh.destroy();
    }
  });

  it('does not answer 201 to a comment before the comment is stored', async () => {
    const id = await createStory(server.url, 'Council budget', server.admin);
    const a = writer('a2x0', id);
    const b = writer('b2x1', id);
    await waitFor('both writers to sync', () => a.synced && b.synced);
    const word = a.type(seededRandom(2));
    await waitFor('A to be saved and B to receive', () => a.allSaved && b.received().includes(word));
    const range = rangeOf(storyDoc(a.ydoc), word);

    server.store.failing = true;
    const posting = api<{ thread?: { id: string }; error?: { id: string; message: string } }>(
      server.url,
      'POST',
      `/api/articles/${id}/comments`,
      { ...range, body: 'Which year?' },
      server.admin,
    );
    const threadCount = async () => commentsMap(await storedDoc(server.store.inner, id)).size;

    if (await settlesWithin(posting, FAILING_MS)) {
      // The other acceptable answer: a clear error, and then the comment must never appear.
      const early = await posting;
      expect(early.status, `answered ${early.status} ${JSON.stringify(early.body)} while the store failed`).toBe(503);
      expect(early.body.error?.id).toEqual(expect.any(String));
      server.store.failing = false;
      await sleep(FAILING_MS);
      expect(await threadCount()).toBe(0);
      expect(commentsMap(b.ydoc).size).toBe(0);
      return;
    }
    expect(commentsMap(b.ydoc).size, 'B sees no unstored comment').toBe(0);
    expect(await threadCount()).toBe(0);

    server.store.failing = false;
    const answer = await posting;
    expect(answer.status).toBe(201);
    expect(await threadCount()).toBe(1);
    await waitFor('B to receive the comment', () => commentsMap(b.ydoc).size === 1, HEALED_MS);
  });
});
