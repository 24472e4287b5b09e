import { afterAll, describe, expect, it } from 'vitest';
import { api, connectClient, createStory, signInAdmin, tempDataDir, waitFor, type Auth } from '../helpers.ts';
import { prepareFaultyServer, type FaultyServer, type PreparedServer } from './prepareFaultyServer.ts';
import { seededRandom, tokensIn } from './storyTokens.ts';
import { Writer } from './Writer.ts';

const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);
const WRITERS = 4;
const STORIES_PER_SEED = 2;

/** What must be in a story after any crash: everything a peer received and everything answered as saved. */
const mustSurvive = new Map<string, Set<string>>();
/** Over all seeds: words typed, words peers held when the server died, words typed but neither received nor saved (in flight). */
const traffic = { typed: 0, received: 0, inFlight: 0 };

/**
 * Kills the server with SIGKILL at a seeded random moment while several writers type into
 * several stories (so commits group updates of more than one story), restarts it on the same
 * data folder, and checks that nothing any peer had received, nor anything answered as saved,
 * was lost; that each story loads and exports. One folder for all seeds: each restart is the
 * next seed's server, and earlier stories must survive later crashes (compactions included).
 */
describe('kill -9 during grouped commits', () => {
  const dir = tempDataDir();
  let server: FaultyServer | null = null;
  let next: Promise<PreparedServer> = prepareFaultyServer();
  let admin: Auth | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await (await next.catch(() => null))?.discard();
    dir.remove();
  });

  /** Starts the prepared server on the shared folder and prepares the one after it. */
  const startNext = async (compactAfterUpdates: number): Promise<FaultyServer> => {
    const prepared = await next;
    next = prepareFaultyServer();
    return prepared.start(dir.dataDir, { compactAfterUpdates });
  };

  it.each(SEEDS)('seed %i: nothing received or saved is lost', async (seed) => {
    const random = seededRandom(seed);
    // Normally the previous seed's restart; a fresh start after a seed that failed before restarting.
    server ??= await startNext(5 + Math.floor(random() * 60));
    const live = server;
    const auth = (admin ??= await signInAdmin(live.url));
    const stories: string[] = [];
    for (let i = 0; i < STORIES_PER_SEED; i += 1) stories.push(await createStory(live.url, `Seed ${seed} story ${i}`, auth));
    const writers = Array.from(
      { length: WRITERS },
      (_, index) => new Writer(`w${seed}x${index}`, stories[Math.floor(random() * stories.length)]!, live.url, auth),
    );
    try {
      await waitFor('the writers to sync', () => writers.every((writer) => writer.synced));
      const timers = writers.map((writer) =>
        setInterval(
          () => {
            const burst = 1 + Math.floor(random() * 3);
            for (let i = 0; i < burst; i += 1) writer.type(random);
          },
          2 + Math.floor(random() * 10),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 600));
      // Typing goes on until the process is really gone.
      await live.kill('SIGKILL');
      server = null;
      for (const timer of timers) clearInterval(timer);
      await waitFor('the writers to see the server gone', () => writers.every((writer) => !writer.provider.wsconnected));
      for (const writer of writers) {
        writer.disconnect();
        const required = mustSurvive.get(writer.articleId) ?? new Set<string>();
        for (const token of [...writer.received(), ...writer.saved]) required.add(token);
        mustSurvive.set(writer.articleId, required);
      }
      const known = new Set(writers.flatMap((writer) => [...writer.received(), ...writer.saved]));
      for (const writer of writers) {
        traffic.typed += writer.typed.length;
        traffic.received += writer.received().length;
        traffic.inFlight += writer.typed.filter((token) => !known.has(token)).length;
      }
    } finally {
      for (const writer of writers) writer.destroy();
    }

    server = await startNext(5 + Math.floor(random() * 60));
    // This seed's stories and the previous seed's: both went through this crash.
    const toCheck = [...mustSurvive.keys()].slice(-2 * STORIES_PER_SEED);
    for (const id of toCheck) {
      const fresh = connectClient(server.url, id, { auth });
      try {
        await fresh.synced;
        const recovered = tokensIn(fresh.ydoc);
        const lost = [...mustSurvive.get(id)!].filter((token) => !recovered.has(token));
        expect(lost, `seed ${seed}, story ${id}: received or saved, then lost`).toEqual([]);
      } finally {
        fresh.destroy();
      }
      for (const format of ['json', 'html']) {
        const exported = await api(server.url, 'GET', `/api/articles/${id}/export?format=${format}`, undefined, auth);
        expect(exported.status, `seed ${seed}, story ${id}: ${format} export`).toBe(200);
      }
    }
  });

  // Without this the seeds could pass by testing nothing: the kills must land while words travel.
  it('killed the server while words were being relayed and while others were still in flight', () => {
    expect(traffic.received, JSON.stringify(traffic)).toBeGreaterThan(100);
    expect(traffic.inFlight, JSON.stringify(traffic)).toBeGreaterThan(0);
  });
});
