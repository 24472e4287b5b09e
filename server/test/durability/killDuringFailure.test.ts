import { describe, expect, it } from 'vitest';
import { connectClient, createStory, signInAdmin, tempDataDir, waitFor } from '../helpers.ts';
import { prepareFaultyServer, type FaultyServer } from './prepareFaultyServer.ts';
import { seededRandom, tokensIn, writerOf } from './storyTokens.ts';
import { Writer } from './Writer.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// "a kill -9 during the failure loses nothing any peer received": while the store fails nobody
// may receive anything (it could not be kept), and after the restart everything anyone received
// or was told is saved is there; the writers' own unsaved words come back with their tabs.
describe('kill -9 while every commit fails', () => {
  it('loses nothing any peer received or any writer was told is saved, and the writers’ unsaved words reach the restarted server', async () => {
    const dir = tempDataDir();
    const first = await prepareFaultyServer();
    // The restart loads its modules while the first server runs.
    const restart = prepareFaultyServer();
    let server: FaultyServer | null = null;
    const writers: Writer[] = [];
    try {
      server = await first.start(dir.dataDir);
      const admin = await signInAdmin(server.url);
      const id = await createStory(server.url, 'Storm closes the harbour', admin);
      for (const [index, letter] of ['a', 'b', 'c'].entries()) writers.push(new Writer(`${letter}3x${index}`, id, server.url, admin));
      await waitFor('the writers to sync', () => writers.every((writer) => writer.synced));
      const random = seededRandom(3);

      for (let round = 0; round < 5; round += 1) {
        for (const writer of writers) writer.type(random);
        await sleep(5);
      }
      const healthy = writers.flatMap((writer) => writer.typed);
      await waitFor(
        'everyone to hold every healthy word and be saved',
        () => writers.every((writer) => writer.allSaved && healthy.every((token) => tokensIn(writer.ydoc).has(token))),
        15_000,
      );

      await server.setFailing(true);
      const typedWhileFailing: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        for (const writer of writers) typedWhileFailing.push(writer.type(random));
        await sleep(20);
      }
      await sleep(500);
      const receivedWhileFailing = new Set(writers.flatMap((writer) => writer.received()));
      expect(typedWhileFailing.filter((token) => receivedWhileFailing.has(token)), 'relayed while the store failed').toEqual([]);
      expect(writers.map((writer) => writer.allSaved)).toEqual([false, false, false]);

      await server.kill('SIGKILL');
      await waitFor('the writers to see the server gone', () => writers.every((writer) => !writer.provider.wsconnected));
      // Everything a peer holds now came from the server before it died (or was typed by that peer).
      const received = new Set(writers.flatMap((writer) => writer.received()));
      const saved = new Set(writers.flatMap((writer) => [...writer.saved]));
      for (const writer of writers) writer.disconnect();
      expect(typedWhileFailing.filter((token) => received.has(token) || saved.has(token))).toEqual([]);

      server = await (await restart).start(dir.dataDir);
      const fresh = connectClient(server.url, id, { auth: admin });
      try {
        await fresh.synced;
        const recovered = tokensIn(fresh.ydoc);
        expect([...received, ...saved].filter((token) => !recovered.has(token)), 'received or saved, then lost').toEqual([]);
        expect(healthy.filter((token) => !recovered.has(token))).toEqual([]);

        // The tabs come back with what the store refused: nothing typed is lost.
        for (const writer of writers) writer.connectTo(server.url, admin);
        const everything = writers.flatMap((writer) => writer.typed);
        await waitFor('a fresh reader to receive every word typed', () => everything.every((token) => tokensIn(fresh.ydoc).has(token)), 15_000);
        expect(new Set(everything.map(writerOf)).size).toBe(3);
      } finally {
        fresh.destroy();
      }
      // Relayed means stored: even another kill -9 now keeps all of it.
      await server.kill('SIGKILL');
      server = null;
      const reopened = await (await prepareFaultyServer()).start(dir.dataDir);
      server = reopened;
      const last = connectClient(reopened.url, id, { auth: admin });
      try {
        await last.synced;
        const everything = writers.flatMap((writer) => writer.typed);
        expect(everything.filter((token) => !tokensIn(last.ydoc).has(token)), 'relayed, then lost').toEqual([]);
      } finally {
        last.destroy();
      }
    } finally {
      for (const writer of writers) writer.destroy();
      await server?.kill('SIGKILL');
      await (await restart.catch(() => null))?.discard();
      dir.remove();
    }
  }, 60_000);
});
