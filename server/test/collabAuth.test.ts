import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { storedStory } from './storedStory.ts';
import { hashSessionToken } from '../auth/sessionToken.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  createUser,
  paragraphs,
  signIn,
  waitFor,
  type TestUser,
} from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from './rawSocket.ts';

describe('the collaboration socket checks who is asking', () => {
  const server = useTestServer({ sessionCheckMs: 100 });
  let ed: TestUser;
  let rita: TestUser;
  let ron: TestUser;
  let vic: TestUser;

  /** The story's paragraphs as SQLite holds them. */
  const stored = (id: string): string[] => paragraphs(storedStory(server.dataDir, id));

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    ron = await createUser(server.url, server.admin, 'ron', 'reporter', 'Ron Other');
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('refuses a handshake without a valid session with HTTP 401 before the upgrade, for any story', async () => {
    const id = await createStory(server.url, 'Not for strangers', rita.auth);
    for (const [story, auth] of [
      [id, null],
      [id, { cookie: `copydesk_session=${'B'.repeat(43)}` }],
      ['no-such-story', null],
    ] as const) {
      const raw = openRawSocket(server.url, story, { auth });
      expect(await raw.closed).toBe('http 401');
      expect(raw.received).toEqual([]);
    }
    // The provider sees a failed connection (1006), as a browser does; the browser then asks
    // GET /api/me to tell "signed out" from "unreachable" (client/src/collab/isSignedOut.ts).
    const client = connectClient(server.url, id, { auth: null });
    expect(await client.closed).toBe(1006);
    expect(client.ydoc.getXmlFragment('default').length).toBe(0);
    client.destroy();
  });

  it("refuses another site's handshake with 403, even with a valid session cookie", async () => {
    const id = await createStory(server.url, 'Same site only', rita.auth);
    const foreign = openRawSocket(server.url, id, { auth: rita.auth, origin: 'http://evil.example' });
    expect(await foreign.closed).toBe('http 403');
    const own = openRawSocket(server.url, id, { auth: rita.auth, origin: server.url });
    await own.greeted;
    own.ws.close();
  });

  const readers: Array<[string, () => TestUser]> = [
    ['a viewer', () => vic],
    ["a reporter on someone else's story", () => ron],
  ];

  it.each(readers)('sends the story to %s but drops their hand-built updates: memory, SQLite and other clients unchanged', async (_who, reader) => {
    const id = await createStory(server.url, 'Readers only read', rita.auth);
    const writer = connectClient(server.url, id, { auth: rita.auth });
    await writer.synced;
    appendParagraph(writer.ydoc, 'by the reporter');
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    await waitFor('the watcher to sync', () => paragraphs(watcher.ydoc).includes('by the reporter'));

    const raw = openRawSocket(server.url, id, { auth: reader().auth });
    await raw.greeted;
    raw.send(syncUpdateFrame(appendParagraphUpdate(writer.ydoc, 'forged')));
    await raw.barrier();
    // A later real edit reaches the watcher; the forged one, handled before it, never does.
    appendParagraph(writer.ydoc, 'after');
    await waitFor('the later edit', () => paragraphs(watcher.ydoc).includes('after'));
    expect(paragraphs(watcher.ydoc)).toEqual(['', 'by the reporter', 'after']);
    expect(stored(id)).toEqual(['', 'by the reporter', 'after']);
    const live = await api(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, server.admin);
    expect(JSON.stringify(live.body)).toContain('after');
    expect(JSON.stringify(live.body)).not.toContain('forged');
    // The reader is still connected and reading.
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
    writer.destroy();
    watcher.destroy();
  });

  it("applies the same hand-built frame from a writer (the check above is not vacuous)", async () => {
    const id = await createStory(server.url, 'Writers write', rita.auth);
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    await watcher.synced;
    const raw = openRawSocket(server.url, id, { auth: rita.auth });
    await raw.greeted;
    raw.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'typed by hand')));
    await raw.barrier();
    await waitFor('the watcher to receive it', () => paragraphs(watcher.ydoc).includes('typed by hand'));
    expect(stored(id)).toContain('typed by hand');
    raw.ws.close();
    watcher.destroy();
  });

  it("puts the account's name and colour on every cursor, whatever the client claims", async () => {
    const id = await createStory(server.url, 'Who is here', rita.auth);
    const impostor = connectClient(server.url, id, { auth: vic.auth, user: { name: 'The Editor-in-chief', color: '#000000' } });
    const watcher = connectClient(server.url, id, { auth: ed.auth, user: { name: 'whoever', color: '#111111' } });
    await Promise.all([impostor.synced, watcher.synced]);
    const names = (client: typeof watcher) => [...client.provider.awareness.getStates().values()].map((s) => s.user?.name);
    await waitFor('both cursors on the watcher', () => names(watcher).includes('Vic Viewer'));
    const vicState = [...watcher.provider.awareness.getStates().values()].find((s) => s.user?.name === 'Vic Viewer');
    expect(vicState?.user).toEqual({ name: 'Vic Viewer', color: vic.user.color });
    expect(names(watcher)).not.toContain('The Editor-in-chief');
    await waitFor("the watcher's own name on the impostor", () => names(impostor).includes('Ed Itor'));
    const list = await api<{ articles: Array<{ id: string; present: unknown[] }> }>(server.url, 'GET', '/api/articles', undefined, server.admin);
    expect(list.body.articles.find((a) => a.id === id)?.present).toEqual(
      expect.arrayContaining([{ name: 'Vic Viewer', color: vic.user.color }, { name: 'Ed Itor', color: ed.user.color }]),
    );
    impostor.destroy();
    watcher.destroy();
  });

  it("signing out closes that session's sockets with Unauthorized, and only those", async () => {
    const id = await createStory(server.url, 'Sign-out', rita.auth);
    const laptop = await signIn(server.url, 'rita', rita.password);
    const onLaptop = connectClient(server.url, id, { auth: laptop });
    const elsewhere = connectClient(server.url, id, { auth: rita.auth });
    await Promise.all([onLaptop.synced, elsewhere.synced]);
    expect((await api(server.url, 'DELETE', '/api/session', undefined, laptop)).status).toBe(204);
    expect(await onLaptop.closed).toBe(CloseCode.Unauthorized);
    expect(elsewhere.provider.wsconnected).toBe(true);
    const again = openRawSocket(server.url, id, { auth: laptop });
    expect(await again.closed).toBe('http 401');
    onLaptop.destroy();
    elsewhere.destroy();
  });

  it('closes a socket whose session expired on time alone, and keeps the ones of live sessions open', async () => {
    const id = await createStory(server.url, 'Expiry', rita.auth);
    const stale = await signIn(server.url, 'rita', rita.password);
    const onStale = connectClient(server.url, id, { auth: stale });
    const onLive = connectClient(server.url, id, { auth: rita.auth });
    await Promise.all([onStale.synced, onLive.synced]);
    // Several check periods pass: live sessions keep their sockets.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onStale.provider.wsconnected).toBe(true);

    const db = openDatabase(server.dataDir);
    try {
      const token = stale.cookie.split('=')[1]!;
      const expired = db
        .prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?')
        .run(new Date(Date.now() - 1_000).toISOString(), hashSessionToken(token));
      expect(expired.changes).toBe(1);
    } finally {
      db.close();
    }
    expect(await onStale.closed).toBe(CloseCode.Unauthorized);
    expect(onLive.provider.wsconnected).toBe(true);
    expect((await api(server.url, 'GET', '/api/me', undefined, stale)).status).toBe(401);
    onStale.destroy();
    onLive.destroy();
  });

  it('a role change closes the user’s sockets with AccessChanged and they come back with the new rights; disabling closes with Unauthorized', async () => {
    const dora = await createUser(server.url, server.admin, 'dora', 'viewer', 'Dora');
    const id = await createStory(server.url, 'Promotion', rita.auth);
    const client = connectClient(server.url, id, { auth: dora.auth });
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    await Promise.all([client.synced, watcher.synced]);

    expect((await api(server.url, 'PATCH', '/api/users/dora', { role: 'editor' }, server.admin)).status).toBe(200);
    expect(await client.closed).toBe(CloseCode.AccessChanged);
    // y-websocket reconnects on its own after AccessChanged; the new socket may write.
    await waitFor('the reconnect', () => client.provider.wsconnected && client.provider.synced);
    appendParagraph(client.ydoc, 'now an editor');
    await waitFor('the edit to arrive', () => paragraphs(watcher.ydoc).includes('now an editor'));

    const disabledClose = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );
    expect((await api(server.url, 'PATCH', '/api/users/dora', { disabled: true }, server.admin)).status).toBe(200);
    expect(await disabledClose).toBe(CloseCode.Unauthorized);
    expect((await api(server.url, 'GET', '/api/me', undefined, dora.auth)).status).toBe(401);
    const retry = openRawSocket(server.url, id, { auth: dora.auth });
    expect(await retry.closed).toBe('http 401');
    client.destroy();
    watcher.destroy();
  });
});
