import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsMap, type CommentThread } from '../../shared/review/commentThreads.ts';
import { listThreads } from '../../shared/review/listThreads.ts';
import { api, connectClient, createStory, createUser, settlesWithin, waitFor, type TestClient, type TestUser } from './helpers.ts';
import { openRawSocket, syncUpdateFrame } from './rawSocket.ts';
import { bodyTexts, editStory, rangeOf, storyDoc } from './storyEdits.ts';
import { useTestServer } from './testServer.ts';

const BODY = 'The council approved the budget on Tuesday.';

describe('an update built on structs the story lacks', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });
  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('is not kept waiting in the story: a forged overwrite of the server’s next thread never lands', async () => {
    const id = await createStory(server.url, 'Pending forgery', rita.auth);
    const ritaClient = connectClient(server.url, id, { auth: rita.auth });
    const edClient = connectClient(server.url, id, { auth: ed.auth });
    clients.push(ritaClient, edClient);
    await Promise.all([ritaClient.synced, edClient.synced]);
    editStory(ritaClient.ydoc, (tr) => tr.insertText(BODY, tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);
    const words = rangeOf(storyDoc(ritaClient.ydoc), 'the budget');

    // The server's own client id shows in the first thread it writes; its clock says what comes next.
    const before = Y.decodeStateVector(Y.encodeStateVector(ritaClient.ydoc));
    const first = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments`, { ...words, body: 'Which year?' }, ed.auth);
    expect(first.status).toBe(201);
    await waitFor('Rita to receive the first thread', () => listThreads(ritaClient.ydoc).length === 1);
    const after = Y.decodeStateVector(Y.encodeStateVector(ritaClient.ydoc));
    const serverId = [...after.keys()].find((client) => after.get(client) !== before.get(client))!;
    const nextClock = after.get(serverId)!;

    // Rita sends, by hand, an overwrite of the struct the server will create next.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(ritaClient.ydoc));
    forger.clientID = serverId;
    commentsMap(forger).set('bait', new Y.Map());
    forger.clientID = 4242;
    commentsMap(forger).set('bait', new Y.Map([['body', 'forged']]));
    const target = new Map(Y.decodeStateVector(Y.encodeStateVector(forger)));
    target.set(serverId, nextClock + 1);
    target.delete(4242);
    const raw = openRawSocket(server.url, id, { auth: rita.auth });
    await raw.greeted;
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(target))));
    // The server holds the part that waits for the missing struct and asks this socket for it
    // (its own sync step 1); it never answers "saved" for it. The socket goes away without answering.
    const saved = raw.barrier();
    expect(await settlesWithin(saved, 400)).toBe(false);
    raw.ws.close();

    const second = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments`, { ...words, body: 'Who voted?' }, ed.auth);
    expect(second.status).toBe(201);
    // Any accepted edit afterwards.
    editStory(ritaClient.ydoc, (tr) => tr.insertText(' Finally.', tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1 + BODY.length));
    await waitFor('Ed to receive the edit', () => bodyTexts(edClient.ydoc)[0] === `${BODY} Finally.`);

    const listed = await api<{ threads: CommentThread[] }>(server.url, 'GET', `/api/articles/${id}/comments`, undefined, ed.auth);
    expect(listed.body.threads.map((thread) => thread.replies.map((reply) => reply.body))).toEqual([['Which year?'], ['Who voted?']]);
    await waitFor('Ed to hold both threads', () => listThreads(edClient.ydoc).length === 2);
    expect(JSON.stringify(commentsMap(edClient.ydoc).toJSON())).not.toContain('forged');
  });
});
