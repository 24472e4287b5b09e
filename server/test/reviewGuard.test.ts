import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/api.ts';
import { listSuggestions } from '../../shared/editor/suggestions/listSuggestions.ts';
import { addThread, type CommentThread } from '../../shared/review/commentThreads.ts';
import { listThreads } from '../../shared/review/listThreads.ts';
import { api, createStory, createUser, waitFor, type TestClient, type TestUser } from './helpers.ts';
import { useOpenClients, useTestServer } from './testServer.ts';
import { bodyTexts, editStory, rangeOf, resolveSuggestion, storyDoc, suggestReplace, typeAt } from './storyEdits.ts';

const BODY = 'The council approved the budget on Tuesday.';

describe('the server enforces what a socket may change: comment threads, required suggesting', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  const { open } = useOpenClients(server);
  const json = (client: TestClient) => JSON.stringify(storyDoc(client.ydoc).toJSON());
  const inStep = (...replicas: TestClient[]) => () => replicas.every((client) => json(client) === json(replicas[0]!));

  const storyWithBody = async (headline: string) => {
    const id = await createStory(server.url, headline, rita.auth);
    const ritaClient = await open(rita.auth, id);
    editStory(ritaClient.ydoc, (tr) => tr.insertText(BODY, tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);
    return { id, ritaClient, edClient };
  };

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });

  it('a thread written into the document by a socket (a forged author) is undone for everyone; the REST route still comments', async () => {
    const { id, ritaClient, edClient } = await storyWithBody('Forgery');
    const words = rangeOf(storyDoc(ritaClient.ydoc), 'the budget');
    addThread(ritaClient.ydoc, { ...words, body: 'Approved by the desk chief', author: { id: 'ed', name: 'Ed Itor', color: '#c0392b' } });
    // Real comments still work, and arrive after the forged one was undone.
    const made = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments`, { ...words, body: 'Which year?' }, ed.auth);
    expect(made.status).toBe(201);
    await waitFor('Rita to see only the real thread', () => listThreads(ritaClient.ydoc).map((thread) => thread.id).join() === made.body.thread.id);
    await waitFor('Ed to see only the real thread', () => listThreads(edClient.ydoc).map((thread) => thread.id).join() === made.body.thread.id);
    const listed = await api<{ threads: CommentThread[] }>(server.url, 'GET', `/api/articles/${id}/comments`, undefined, ed.auth);
    expect(listed.body.threads.map((thread) => thread.replies.map((reply) => `${reply.author.id}: ${reply.body}`))).toEqual([['ed: Which year?']]);
  });

  it('while suggesting is required, a reporter’s plain edit is undone for everyone, suggestions and resolving pass, an editor edits freely', async () => {
    const { id, ritaClient, edClient } = await storyWithBody('Required suggesting');
    expect((await api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }, rita.auth)).status).toBe(200);
    expect((await api<Article>(server.url, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: true }, ed.auth)).status).toBe(200);

    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'approved').from, 'quietly ');
    expect(bodyTexts(ritaClient.ydoc)[0]).toContain('quietly');
    await waitFor('the plain edit to be undone on Rita’s side', () => bodyTexts(ritaClient.ydoc)[0] === BODY);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(bodyTexts(edClient.ydoc)).toEqual([BODY]);

    suggestReplace(ritaClient.ydoc, { id: 'rita', name: 'Rita Porter', color: '#2471a3' }, 's-rita', 'Tuesday', 'Wednesday');
    typeAt(edClient.ydoc, (doc) => rangeOf(doc, 'council').to, ' finally');
    await waitFor('the suggestion and the editor’s edit to reach both', () => inStep(ritaClient, edClient)() && listSuggestions(storyDoc(edClient.ydoc)).length === 1 && bodyTexts(ritaClient.ydoc)[0]!.includes('finally'));
    // Only editors accept: the reporter accepting her own suggestion is undone, the editor's acceptance stands.
    resolveSuggestion(ritaClient.ydoc, 's-rita', true);
    await waitFor('the self-acceptance to be undone for Rita', () => listSuggestions(storyDoc(ritaClient.ydoc)).length === 1);
    expect(listSuggestions(storyDoc(edClient.ydoc))).toHaveLength(1);
    resolveSuggestion(edClient.ydoc, 's-rita', true);
    const expected = 'The council finally approved the budget on Wednesday.';
    await waitFor('the accepted suggestion to reach Rita', () => bodyTexts(ritaClient.ydoc)[0] === expected);
    expect(bodyTexts(edClient.ydoc)).toEqual([expected]);

    // Once no longer required, Rita types plainly again.
    expect((await api<Article>(server.url, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: false }, ed.auth)).status).toBe(200);
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'approved').from, 'quietly ');
    await waitFor('the plain edit to reach Ed', () => bodyTexts(edClient.ydoc)[0] === 'The council finally quietly approved the budget on Wednesday.');
  });
});
