import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '../../shared/api.ts';
import { META_MAP } from '../../shared/collab/docFields.ts';
import { listSuggestions } from '../../shared/editor/suggestions/listSuggestions.ts';
import { api, connectClient, createStory, createUser, waitFor, type Auth, type TestClient, type TestUser } from './helpers.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { bodyTexts, editStory, rangeOf, resolveSuggestion, storyDoc, suggestReplace, typeAt } from './storyEdits.ts';
import { useTestServer } from './testServer.ts';

const BODY = 'The council approved the budget on Tuesday.';

describe('required suggesting holds on the real server: no self-acceptance, no delete-then-remove, no meta edits, no forged authors', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  const clients: TestClient[] = [];
  // Rita's suggestions, in her own name as her editor writes it.
  const ritaAuthor = { id: 'rita', name: 'Rita Porter', color: '#2471a3' };

  const open = async (auth: Auth, id: string): Promise<TestClient> => {
    const client = connectClient(server.url, id, { auth });
    clients.push(client);
    await client.synced;
    return client;
  };
  const json = (client: TestClient) => JSON.stringify({ story: storyDoc(client.ydoc).toJSON(), meta: client.ydoc.getMap(META_MAP).toJSON() });
  const inStep = (...replicas: TestClient[]) => () => replicas.every((client) => json(client) === json(replicas[0]!));
  const suggestionsOf = (client: TestClient) => listSuggestions(storyDoc(client.ydoc)).map((s) => `${s.authorId}: -${s.deleted} +${s.inserted}`);

  /** A story by Rita with one body paragraph, in review with suggesting required, open for Rita and Ed. */
  const requiredStory = async (headline: string) => {
    const id = await createStory(server.url, headline, rita.auth);
    const ritaClient = await open(rita.auth, id);
    editStory(ritaClient.ydoc, (tr) => tr.insertText(BODY, tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);
    expect((await api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }, rita.auth)).status).toBe(200);
    expect((await api<Article>(server.url, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: true }, ed.auth)).status).toBe(200);
    return { id, ritaClient, edClient };
  };

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });
  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('a reporter accepting her own suggestion is undone for everyone; the editor accepts it', async () => {
    const { ritaClient, edClient } = await requiredStory('Self-acceptance');
    suggestReplace(ritaClient.ydoc, ritaAuthor, 's-own', 'Tuesday', 'Wednesday');
    await waitFor('Ed to see the suggestion', () => suggestionsOf(edClient).length === 1);

    resolveSuggestion(ritaClient.ydoc, 's-own', true);
    expect(suggestionsOf(ritaClient)).toEqual([]);
    await waitFor('the acceptance to be undone on Rita’s side', () => suggestionsOf(ritaClient).length === 1);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(suggestionsOf(edClient)).toEqual(['rita: -Tuesday +Wednesday']);

    resolveSuggestion(edClient.ydoc, 's-own', true);
    await waitFor('the editor’s acceptance to reach Rita', () => bodyTexts(ritaClient.ydoc)[0] === 'The council approved the budget on Wednesday.');
  });

  it('deleting words a reporter first marked deleted is undone for everyone; withdrawing the mark passes', async () => {
    const { ritaClient, edClient } = await requiredStory('Delete then remove');
    suggestReplace(ritaClient.ydoc, ritaAuthor, 's-strike', ' on Tuesday', '');
    await waitFor('Ed to see the struck words', () => suggestionsOf(edClient).length === 1);

    editStory(ritaClient.ydoc, (tr) => {
      const { from, to } = rangeOf(tr.doc, ' on Tuesday');
      return tr.delete(from, to);
    });
    expect(bodyTexts(ritaClient.ydoc)).toEqual(['The council approved the budget.']);
    await waitFor('the removal to be undone on Rita’s side', () => bodyTexts(ritaClient.ydoc)[0] === BODY);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(suggestionsOf(edClient)).toEqual(['rita: - on Tuesday +']);

    resolveSuggestion(ritaClient.ydoc, 's-strike', false);
    await waitFor('the withdrawn suggestion to reach Ed', () => suggestionsOf(edClient).length === 0);
    expect(bodyTexts(edClient.ydoc)).toEqual([BODY]);
  });

  it('a reporter’s edit of the byline, slug, section and tags is undone for everyone; the editor’s passes', async () => {
    const { ritaClient, edClient } = await requiredStory('Meta');
    const meta = ritaClient.ydoc.getMap(META_MAP);
    const original = JSON.stringify(meta.toJSON());
    ritaClient.ydoc.transact(() => {
      meta.set('byline', 'By the desk chief');
      meta.set('slug', 'forged-slug');
      meta.set('section', 'Opinion');
      (meta.get('tags') as Y.Array<string>).push(['exclusive']);
    });
    expect(JSON.stringify(meta.toJSON())).not.toBe(original);
    await waitFor('the meta edit to be undone on Rita’s side', () => JSON.stringify(meta.toJSON()) === original);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(JSON.stringify(edClient.ydoc.getMap(META_MAP).toJSON())).toBe(original);
    // Rita's browser is told why her edit went; Ed's hears nothing.
    expect(ritaClient.refusals).toEqual(['suggestions_required']);

    edClient.ydoc.getMap(META_MAP).set('section', 'City');
    await waitFor('the editor’s meta edit to reach Rita', () => meta.get('section') === 'City');
    expect(edClient.refusals).toEqual([]);
  });

  it('a suggestion written in someone else’s name is undone for everyone; one in her own name passes', async () => {
    const { ritaClient, edClient } = await requiredStory('Forged author');
    suggestReplace(ritaClient.ydoc, { id: 'ed', name: 'Ed Itor', color: '#c0392b' }, 's-forged', 'Tuesday', 'Monday');
    expect(suggestionsOf(ritaClient)).toEqual(['ed: -Tuesday +Monday']);
    await waitFor('the forged suggestion to be undone on Rita’s side', () => suggestionsOf(ritaClient).length === 0);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(suggestionsOf(edClient)).toEqual([]);

    suggestReplace(ritaClient.ydoc, ritaAuthor, 's-real', 'Tuesday', 'Monday');
    await waitFor('her own suggestion to reach Ed', () => suggestionsOf(edClient).join() === 'rita: -Tuesday +Monday');
  });

  it('plain words a reporter typed offline are undone for everyone when they arrive, and sent back to her alone to paste as a suggestion', async () => {
    const { ritaClient, edClient } = await requiredStory('Offline words');
    ritaClient.provider.disconnect();
    // Offline, as plain edits: a word inside the paragraph, then a paragraph of her own.
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, ' on Tuesday').from, ' unanimously');
    editStory(ritaClient.ydoc, (tr) => {
      const end = tr.doc.content.size;
      return tr.insert(end, articleSchema.nodes.paragraph!.create(null, articleSchema.text('Crews worked through the night.')));
    });
    expect(bodyTexts(ritaClient.ydoc)).toEqual(['The council approved the budget unanimously on Tuesday.', 'Crews worked through the night.']);

    ritaClient.provider.connect();
    await waitFor('her plain words to be undone on her side', () => bodyTexts(ritaClient.ydoc).join('|') === BODY);
    await waitFor('both to be in step', inStep(ritaClient, edClient));
    expect(bodyTexts(edClient.ydoc)).toEqual([BODY]);
    // She is told why, with her words, in story order; Ed hears nothing.
    await waitFor('the notice to reach her', () => ritaClient.refusals.length > 0);
    expect(ritaClient.refusals).toEqual(['suggestions_required']);
    expect(ritaClient.undoneWords.map((run) => run.trim())).toEqual(['unanimously', 'Crews worked through the night.']);
    expect(edClient.refusals).toEqual([]);
  });
});
