import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/accounts.ts';
import type { Article, ArticleList } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { api, appendParagraph, connectClient, createStory, createUser, paragraphs, waitFor, type Auth, type TestUser } from './helpers.ts';
import { approve, storyWith, writeStory } from './publishingHelpers.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from './rawSocket.ts';
import { useTestServer } from './testServer.ts';

type Answer = Article & { error?: { id: string; message: string } };

describe('spiking, restoring and deleting stories', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  let ron: TestUser;
  let vic: TestUser;

  const call = (auth: Auth, method: string, path: string, body?: unknown) => api<Answer>(server.url, method, path, body, auth);
  const spike = (auth: Auth, id: string) => call(auth, 'POST', `/api/articles/${id}/spike`);
  const restore = (auth: Auth, id: string) => call(auth, 'POST', `/api/articles/${id}/restore`);
  const listed = async (auth: Auth, query = '') =>
    (await api<ArticleList>(server.url, 'GET', `/api/articles${query}`, undefined, auth)).body.articles.map((a) => a.id);
  const activity = async (id: string) =>
    (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, server.admin)).body.entries;

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    ron = await createUser(server.url, server.admin, 'ron', 'reporter', 'Ron Other');
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('lets an editor spike a story: off the list, under ?spiked=1, read-only, logged; and restore it', async () => {
    const id = await createStory(server.url, 'Ferry strike', rita.auth);
    const spiked = await spike(ed.auth, id);
    expect(spiked.status).toBe(200);
    expect(spiked.body).toMatchObject({ status: 'draft', spikedBy: 'ed', canEdit: false, allowedTransitions: [] });
    expect(Date.parse(spiked.body.spikedAt!)).not.toBeNaN();
    expect(await listed(ed.auth)).not.toContain(id);
    expect(await listed(ed.auth, '?spiked=1')).toContain(id);
    expect((await call(rita.auth, 'GET', `/api/articles/${id}`)).body).toMatchObject({ canEdit: false, spikedBy: 'ed' });
    expect((await spike(ed.auth, id)).body.error?.id).toBe('story_spiked');

    const restored = await restore(ed.auth, id);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ spikedAt: null, spikedBy: null, canEdit: true });
    expect(await listed(ed.auth)).toContain(id);
    expect(await listed(ed.auth, '?spiked=1')).not.toContain(id);
    expect((await restore(ed.auth, id)).body.error?.id).toBe('story_not_spiked');
    expect((await activity(id)).map((e) => [e.action, e.actor])).toEqual([
      ['create', 'rita'],
      ['spike', 'ed'],
      ['unspike', 'ed'],
    ]);
  });

  it('lets a reporter spike and restore their own draft only; a viewer never', async () => {
    const own = await createStory(server.url, 'Rita’s draft', rita.auth);
    expect((await spike(ron.auth, own)).status).toBe(403);
    expect((await spike(vic.auth, own)).status).toBe(403);
    expect((await spike(rita.auth, own)).status).toBe(200);
    expect((await restore(ron.auth, own)).status).toBe(403);
    expect((await restore(vic.auth, own)).status).toBe(403);
    expect((await restore(rita.auth, own)).status).toBe(200);

    await call(rita.auth, 'POST', `/api/articles/${own}/transitions`, { to: 'in_review' });
    const inReview = await spike(rita.auth, own);
    expect(inReview.status).toBe(403);
    expect(inReview.body.error?.id).toBe('forbidden');
    expect((await spike(ed.auth, own)).status).toBe(200);
    expect((await call(vic.auth, 'GET', `/api/articles/${own}`)).status).toBe(200);
    expect((await spike(ed.auth, 'no-such-story')).status).toBe(404);
  });

  it('refuses every change to a spiked story with 409 story_spiked; reads still answer', async () => {
    const id = await createStory(server.url, 'Frozen', ed.auth);
    await call(ed.auth, 'PUT', `/api/articles/${id}/schedule`, { publishAt: null, embargoUntil: null });
    await spike(ed.auth, id);
    const changes: Array<[Auth, string, string, unknown]> = [
      [ed.auth, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }],
      [vic.auth, 'POST', `/api/articles/${id}/comments`, { from: 1, to: 3, body: 'Why?' }],
      [ed.auth, 'POST', `/api/articles/${id}/versions`, { name: 'Before' }],
      [ed.auth, 'POST', `/api/articles/${id}/versions/1/restore`, {}],
      [ed.auth, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: true }],
      [ed.auth, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['rita'] }],
      [ed.auth, 'POST', `/api/articles/${id}/publish`, {}],
      [ed.auth, 'PUT', `/api/articles/${id}/schedule`, { publishAt: new Date(Date.now() + 3_600_000).toISOString(), embargoUntil: null }],
    ];
    for (const [auth, method, path, body] of changes) {
      const answer = await call(auth, method, path, body);
      expect([method, path, answer.status, answer.body.error?.id]).toEqual([method, path, 409, 'story_spiked']);
    }
    for (const path of [`/api/articles/${id}`, `/api/articles/${id}/activity`, `/api/articles/${id}/versions`, `/api/articles/${id}/schedule`]) {
      expect((await call(ed.auth, 'GET', path)).status).toBe(200);
    }
  });

  it('cancels a scheduled publication when the story is spiked, keeping its embargo', async () => {
    const id = await createStory(server.url, 'Planned', ed.auth);
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const embargoUntil = new Date(Date.now() + 7_200_000).toISOString();
    expect((await call(ed.auth, 'PUT', `/api/articles/${id}/schedule`, { publishAt, embargoUntil })).status).toBe(200);
    await spike(ed.auth, id);
    const schedule = await api<{ schedule: { publishAt: string | null; embargoUntil: string | null } }>(server.url, 'GET', `/api/articles/${id}/schedule`, undefined, ed.auth);
    expect(schedule.body.schedule).toMatchObject({ publishAt: null, embargoUntil });
    expect((await activity(id)).at(-1)).toMatchObject({ action: 'spike', note: `Cancelled the publication scheduled for ${publishAt}` });
  });

  it('refuses to spike a story on the site (409 story_live) until it is unpublished, which makes it approved again', async () => {
    const id = await createStory(server.url, 'Live', server.admin);
    await writeStory(server.url, id, server.admin, storyWith());
    await approve(server.url, id, server.admin);
    expect((await call(ed.auth, 'POST', `/api/articles/${id}/publish`, {})).status).toBe(201);
    const refused = await spike(ed.auth, id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ id: 'story_live', message: 'The story is on the public site: unpublish it first, then spike it.' });

    expect((await call(ed.auth, 'POST', `/api/articles/${id}/unpublish`)).status).toBe(200);
    expect((await call(ed.auth, 'GET', `/api/articles/${id}`)).body.status).toBe('approved');
    const summary = (await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, ed.auth)).body.articles.find((a) => a.id === id);
    expect(summary?.status).toBe('approved');
    expect((await activity(id)).at(-1)).toMatchObject({ action: 'unpublish', from: 'published', to: 'approved' });
    expect((await spike(ed.auth, id)).status).toBe(200);
  });

  it('closes writers’ sockets when a story is spiked; a writer who reconnects cannot change it until it is restored', async () => {
    const id = await createStory(server.url, 'Open story', rita.auth);
    const ritaClient = connectClient(server.url, id, { auth: rita.auth });
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    await Promise.all([ritaClient.synced, watcher.synced]);
    appendParagraph(ritaClient.ydoc, 'before the spike');
    await waitFor('the edit before the spike', () => paragraphs(watcher.ydoc).includes('before the spike'));

    await spike(ed.auth, id);
    expect(await ritaClient.closed).toBe(CloseCode.AccessChanged);
    const raw = openRawSocket(server.url, id, { auth: ed.auth });
    await raw.greeted;
    raw.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'while spiked')));
    await raw.barrier();
    const stored = await api(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, ed.auth);
    expect(JSON.stringify(stored.body)).toContain('before the spike');
    expect(JSON.stringify(stored.body)).not.toContain('while spiked');
    raw.ws.close();

    await restore(ed.auth, id);
    const again = openRawSocket(server.url, id, { auth: rita.auth });
    await again.greeted;
    again.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'after the restore')));
    await again.barrier();
    const after = await api(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, ed.auth);
    expect(JSON.stringify(after.body)).toContain('after the restore');
    again.ws.close();
    ritaClient.destroy();
    watcher.destroy();
  });

  it('lets only an admin delete a story, only once it is spiked; its open sockets close with StoryDeleted', async () => {
    const id = await createStory(server.url, 'To the bin', rita.auth);
    await call(ed.auth, 'POST', `/api/articles/${id}/versions`, { name: 'Kept?' });
    const notSpiked = await call(server.admin, 'DELETE', `/api/articles/${id}`);
    expect(notSpiked.status).toBe(409);
    expect(notSpiked.body.error?.id).toBe('story_not_spiked');
    await spike(ed.auth, id);
    const reader = connectClient(server.url, id, { auth: vic.auth });
    await reader.synced;
    expect((await call(ed.auth, 'DELETE', `/api/articles/${id}`)).status).toBe(403);
    expect((await call(rita.auth, 'DELETE', `/api/articles/${id}`)).status).toBe(403);

    const deleted = await call(server.admin, 'DELETE', `/api/articles/${id}`);
    expect(deleted.status).toBe(204);
    expect(await reader.closed).toBe(CloseCode.StoryDeleted);
    reader.destroy();
    expect((await call(ed.auth, 'GET', `/api/articles/${id}`)).status).toBe(404);
    expect((await call(ed.auth, 'GET', `/api/articles/${id}/versions`)).status).toBe(404);
    expect(await listed(ed.auth, '?spiked=1')).not.toContain(id);
    expect((await call(server.admin, 'DELETE', `/api/articles/${id}`)).status).toBe(404);
    const refused = openRawSocket(server.url, id, { auth: ed.auth });
    expect(await refused.closed).toBe(CloseCode.NotFound);
  });
});
