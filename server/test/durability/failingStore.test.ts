import { afterEach, describe, expect, it } from 'vitest';
import { ErrorId } from '../../../shared/api.ts';
import { commentsMap } from '../../../shared/review/commentThreads.ts';
import { STORE_WAIT_MS } from '../../collab/answerWhenStored.ts';
import { api, connectClient, createStory, waitFor } from '../helpers.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from '../rawSocket.ts';
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

  // The saved signal on the wire: a socket that sent an update gets no sync step 2 for its step 1
  // until that update is stored (SaveTracker above shows the same through the browser's own code).
  it('holds the sync step 2 a socket asked for after its update until the update is stored', async () => {
    const id = await createStory(server.url, 'Water main burst', server.admin);
    const reader = writer('b6x1', id);
    const raw = openRawSocket(server.url, id, { auth: server.admin });
    try {
      await Promise.all([raw.greeted, waitFor('the reader to sync', () => reader.synced)]);
      await raw.barrier();

      server.store.failing = true;
      raw.send(syncUpdateFrame(appendParagraphUpdate(reader.ydoc, 'r6x0n0 ')));
      const saved = raw.barrier();
      expect(await settlesWithin(saved, FAILING_MS), 'answered while unstored').toBe(false);
      expect(reader.received(), 'relayed while unstored').toEqual([]);

      server.store.failing = false;
      expect(await settlesWithin(saved, HEALED_MS), 'answered once stored').toBe(true);
      expect(tokensIn(await storedDoc(server.store.inner, id)).has('r6x0n0')).toBe(true);
      await waitFor('the reader to receive it', () => reader.received().includes('r6x0n0'));
    } finally {
      raw.ws.close();
    }
  });

  it('commits what several stories queued while failing in one transaction once healed', async () => {
    const stories = [await createStory(server.url, 'Ferry strike', server.admin), await createStory(server.url, 'Bridge repairs', server.admin)];
    const [a, b] = [writer('a5x0', stories[0]!), writer('b5x1', stories[1]!)];
    await waitFor('both writers to sync', () => a.synced && b.synced);

    server.store.failing = true;
    const random = seededRandom(5);
    const typed = [a.type(random), b.type(random), a.type(random)];
    await waitFor('a commit to be refused', () => server.store.refusedCommits > 0);
    // Both sockets' frames have long arrived and wait in the queue.
    await sleep(FAILING_MS / 4);
    const before = server.store.storedBatches.length;

    server.store.failing = false;
    await waitFor('both to be saved', () => a.allSaved && b.allSaved, HEALED_MS);
    const batches = server.store.storedBatches.slice(before);
    expect(batches[0]?.toSorted(), 'the first commit after healing holds both stories').toEqual(stories.toSorted());
    const stored = [...tokensIn(await storedDoc(server.store.inner, stories[0]!)), ...tokensIn(await storedDoc(server.store.inner, stories[1]!))];
    expect(stored.toSorted()).toEqual(typed.toSorted());
  });

  /** A story with one stored word, open in A and B, and a comment POST on that word to send. */
  const storyWithWord = async (names: [string, string], seed: number) => {
    const id = await createStory(server.url, 'Council budget', server.admin);
    const a = writer(names[0], id);
    const b = writer(names[1], id);
    await waitFor('both writers to sync', () => a.synced && b.synced);
    const word = a.type(seededRandom(seed));
    await waitFor('A to be saved and B to receive', () => a.allSaved && b.received().includes(word));
    const range = rangeOf(storyDoc(a.ydoc), word);
    const postComment = () =>
      api<{ thread?: { id: string }; error?: { id: string; message: string } }>(
        server.url,
        'POST',
        `/api/articles/${id}/comments`,
        { ...range, body: 'Which year?' },
        server.admin,
      );
    const storedThreads = async () => commentsMap(await storedDoc(server.store.inner, id)).size;
    return { b, postComment, storedThreads };
  };

  it('holds a comment’s answer while the store fails and answers 201 once the comment is stored', async () => {
    const { b, postComment, storedThreads } = await storyWithWord(['a2x0', 'b2x1'], 2);

    server.store.failing = true;
    const posting = postComment();
    expect(await settlesWithin(posting, FAILING_MS), 'answered while the store failed').toBe(false);
    expect(commentsMap(b.ydoc).size, 'B sees no unstored comment').toBe(0);
    expect(await storedThreads()).toBe(0);

    server.store.failing = false;
    const answer = await posting;
    expect(answer.status).toBe(201);
    expect(await storedThreads()).toBe(1);
    await waitFor('B to receive the comment', () => commentsMap(b.ydoc).size === 1, HEALED_MS);
  });

  it('answers 503 not_stored_yet when the store stays down, relays nothing, and stores the comment once it heals', async () => {
    const { b, postComment, storedThreads } = await storyWithWord(['a4x0', 'b4x1'], 4);

    server.store.failing = true;
    const answer = await postComment();
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.body.error?.id).toBe(ErrorId.NotStoredYet);
    expect(commentsMap(b.ydoc).size, 'B sees no unstored comment').toBe(0);
    expect(await storedThreads()).toBe(0);

    // What the 503 promises: the change was kept, and is stored (and only then seen) after recovery.
    server.store.failing = false;
    await waitFor('B to receive the comment', () => commentsMap(b.ydoc).size === 1, HEALED_MS);
    expect(await storedThreads()).toBe(1);
  }, STORE_WAIT_MS + 20_000);
});
