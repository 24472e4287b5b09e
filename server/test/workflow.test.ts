import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/accounts.ts';
import type { Article, ArticleList } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  createUser,
  paragraphs,
  waitFor,
  type Auth,
  type TestUser,
} from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from './rawSocket.ts';

describe('the editorial workflow', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  let ron: TestUser;
  let vic: TestUser;

  const move = (auth: Auth, id: string, to: string, note?: string) =>
    api<Article & { error?: { id: string } }>(server.url, 'POST', `/api/articles/${id}/transitions`, note === undefined ? { to } : { to, note }, auth);
  const read = async (auth: Auth, id: string) => (await api<Article>(server.url, 'GET', `/api/articles/${id}`, undefined, auth)).body;

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    ron = await createUser(server.url, server.admin, 'ron', 'reporter', 'Ron Other');
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('runs draft → in review → sent back with a note → resubmitted → approved → published, logging every step', async () => {
    const id = await createStory(server.url, 'Council budget', rita.auth);
    expect(await read(rita.auth, id)).toMatchObject({
      status: 'draft',
      createdBy: { username: 'rita', displayName: 'Rita Porter' },
      canEdit: true,
      allowedTransitions: [{ to: 'in_review', action: 'submit', label: 'Submit for review', note: 'optional' }],
    });

    expect((await move(rita.auth, id, 'in_review')).body).toMatchObject({ status: 'in_review', allowedTransitions: [] });
    expect((await read(ed.auth, id)).allowedTransitions.map((t) => [t.action, t.note])).toEqual([
      ['approve', 'optional'],
      ['send_back', 'required'],
    ]);
    const noNote = await move(ed.auth, id, 'draft');
    expect(noNote.status).toBe(400);
    expect(noNote.body.error?.id).toBe('validation_failed');
    expect((await move(ed.auth, id, 'draft', 'Needs a second source for the figures.')).body.status).toBe('draft');

    const activity = await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, rita.auth);
    expect(activity.body.entries.at(-1)).toMatchObject({ actor: 'ed', action: 'transition', from: 'in_review', to: 'draft', note: 'Needs a second source for the figures.' });

    expect((await move(rita.auth, id, 'in_review', 'Added the treasurer.')).status).toBe(200);
    expect((await move(ed.auth, id, 'approved')).body.status).toBe('approved');
    const published = await move(ed.auth, id, 'published');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', allowedTransitions: [{ to: 'draft', action: 'reopen', note: 'required' }] });

    const log = (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, vic.auth)).body.entries;
    expect(log.map(({ actor, action, from, to, note }) => ({ actor, action, from, to, note }))).toEqual([
      { actor: 'rita', action: 'create', from: null, to: 'draft', note: null },
      { actor: 'rita', action: 'transition', from: 'draft', to: 'in_review', note: null },
      { actor: 'ed', action: 'transition', from: 'in_review', to: 'draft', note: 'Needs a second source for the figures.' },
      { actor: 'rita', action: 'transition', from: 'draft', to: 'in_review', note: 'Added the treasurer.' },
      { actor: 'ed', action: 'transition', from: 'in_review', to: 'approved', note: null },
      { actor: 'ed', action: 'transition', from: 'approved', to: 'published', note: null },
    ]);
    expect(log.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });

  it('answers 403 to a role or person who may not, 409 to a step the status does not allow, and changes nothing', async () => {
    const id = await createStory(server.url, 'Contested', rita.auth);
    const refused = async (auth: Auth, to: string, status: number, errorId: string) => {
      const response = await move(auth, id, to, 'a note');
      expect({ to, status: response.status, id: response.body.error?.id }).toEqual({ to, status, id: errorId });
    };
    await refused(vic.auth, 'in_review', 403, 'forbidden');
    await refused(ron.auth, 'in_review', 403, 'forbidden');
    await refused(rita.auth, 'approved', 409, 'transition_not_allowed');
    await refused(ed.auth, 'published', 409, 'transition_not_allowed');
    expect((await read(server.admin, id)).status).toBe('draft');
    await move(rita.auth, id, 'in_review');
    await refused(rita.auth, 'approved', 403, 'forbidden');
    await refused(rita.auth, 'draft', 403, 'forbidden');
    expect((await read(server.admin, id)).status).toBe('in_review');
    const bogus = await move(ed.auth, id, 'shredded');
    expect(bogus.status).toBe(400);
    expect((await move(ed.auth, 'no-such-story', 'approved')).status).toBe(404);
    const log = (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, server.admin)).body.entries;
    expect(log.map((entry) => [entry.action, entry.to])).toEqual([
      ['create', 'draft'],
      ['transition', 'in_review'],
    ]);
  });

  it('lets only writers create stories, and editors assign reporters and a reviewer, audited', async () => {
    expect((await api(server.url, 'POST', '/api/articles', { headline: 'A viewer writes' }, vic.auth)).status).toBe(403);
    const id = await createStory(server.url, 'Team story', rita.auth);
    expect((await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['ron'] }, rita.auth)).status).toBe(403);
    expect((await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['vic'] }, ed.auth)).status).toBe(400);
    expect((await api(server.url, 'PUT', `/api/articles/${id}/reviewer`, { username: 'ron' }, ed.auth)).status).toBe(400);

    expect((await read(ron.auth, id)).canEdit).toBe(false);
    const assigned = await api<Article>(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['RON'] }, ed.auth);
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignees).toEqual([{ username: 'ron', displayName: 'Ron Other' }]);
    const reviewed = await api<Article>(server.url, 'PUT', `/api/articles/${id}/reviewer`, { username: 'ed' }, ed.auth);
    expect(reviewed.body.reviewer).toEqual({ username: 'ed', displayName: 'Ed Itor' });
    expect(await read(ron.auth, id)).toMatchObject({ canEdit: true, allowedTransitions: [{ to: 'in_review' }] });
    await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: [] }, ed.auth);
    expect((await read(ron.auth, id)).canEdit).toBe(false);

    const log = (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, ron.auth)).body.entries;
    expect(log.map(({ actor, action, subject }) => [actor, action, subject])).toEqual([
      ['rita', 'create', null],
      ['ed', 'assign', 'ron'],
      ['ed', 'set_reviewer', 'ed'],
      ['ed', 'unassign', 'ron'],
    ]);
  });

  it('logs who imported a story, and from which format, as its first activity', async () => {
    const imported = await api<Article>(server.url, 'POST', '/api/articles/import', { format: 'text', content: 'Imported headline\n\nFirst paragraph.' }, rita.auth);
    expect(imported.status).toBe(201);
    const log = (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${imported.body.id}/activity`, undefined, rita.auth)).body.entries;
    expect(log.map(({ actor, actorName, action, from, to }) => ({ actor, actorName, action, from, to }))).toEqual([
      { actor: 'rita', actorName: 'Rita Porter', action: 'import', from: 'text', to: 'draft' },
    ]);
  });

  it('filters the list by status and by "mine" (created or assigned), with the people on each row', async () => {
    const mine = await createStory(server.url, 'Filter: mine', ron.auth);
    const assignedToMe = await createStory(server.url, 'Filter: assigned', rita.auth);
    const notMine = await createStory(server.url, 'Filter: not mine', rita.auth);
    await api(server.url, 'PUT', `/api/articles/${assignedToMe}/assignees`, { usernames: ['ron'] }, ed.auth);
    await move(rita.auth, notMine, 'in_review');

    const list = async (auth: Auth, query: string) =>
      (await api<ArticleList>(server.url, 'GET', `/api/articles${query}`, undefined, auth)).body.articles;
    const ids = (rows: ArticleList['articles']) => rows.map((row) => row.id);
    const ronsList = await list(ron.auth, '?mine=1');
    expect(ids(ronsList)).toEqual(expect.arrayContaining([mine, assignedToMe]));
    expect(ids(ronsList)).not.toContain(notMine);
    expect(ronsList.find((row) => row.id === assignedToMe)).toMatchObject({
      createdBy: { username: 'rita', displayName: 'Rita Porter' },
      assignees: [{ username: 'ron', displayName: 'Ron Other' }],
      reviewer: null,
    });
    const inReview = await list(vic.auth, '?status=in_review');
    expect(ids(inReview)).toContain(notMine);
    expect(inReview.every((row) => row.status === 'in_review')).toBe(true);
    expect(ids(await list(ron.auth, '?mine=1&status=in_review'))).toEqual([]);
    expect((await api(server.url, 'GET', '/api/articles?status=shredded', undefined, ron.auth)).status).toBe(400);
  });

  it("keeps a reporter out of someone else's story until assigned: the assignment reconnects them as a writer", async () => {
    const id = await createStory(server.url, 'Not yours yet', rita.auth);
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    const ronClient = connectClient(server.url, id, { auth: ron.auth });
    await Promise.all([watcher.synced, ronClient.synced]);
    appendParagraph(ronClient.ydoc, 'ron before');
    appendParagraph(watcher.ydoc, 'marker 1');
    await waitFor('the marker to reach ron', () => paragraphs(ronClient.ydoc).includes('marker 1'));
    expect(paragraphs(watcher.ydoc)).not.toContain('ron before');

    await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['ron'] }, ed.auth);
    expect(await ronClient.closed).toBe(CloseCode.AccessChanged);
    // Back as a writer, the provider's resync carries even what he typed while read-only:
    // the client must open the editor read-only (Article.canEdit) so there is nothing to carry.
    await waitFor('ron to reconnect', () => ronClient.provider.synced);
    appendParagraph(ronClient.ydoc, 'ron after');
    await waitFor("ron's edits", () => paragraphs(watcher.ydoc).includes('ron after') && paragraphs(watcher.ydoc).includes('ron before'));
    ronClient.destroy();
    watcher.destroy();
  });

  it('makes an approved story read-only for its reporter, and writable again once an editor reopens it', async () => {
    const id = await createStory(server.url, 'Signed off', rita.auth);
    const ritaClient = connectClient(server.url, id, { auth: rita.auth });
    const watcher = connectClient(server.url, id, { auth: ed.auth });
    await Promise.all([ritaClient.synced, watcher.synced]);
    await move(rita.auth, id, 'in_review');
    appendParagraph(ritaClient.ydoc, 'while in review');
    await waitFor('the in-review edit', () => paragraphs(watcher.ydoc).includes('while in review'));

    await move(ed.auth, id, 'approved');
    expect(await ritaClient.closed).toBe(CloseCode.AccessChanged);
    expect((await read(rita.auth, id)).canEdit).toBe(false);
    const raw = openRawSocket(server.url, id, { auth: rita.auth });
    await raw.greeted;
    raw.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'after approval')));
    await raw.barrier();
    appendParagraph(watcher.ydoc, 'editor polish');
    await waitFor('the editor edit to reach the reporter', () => paragraphs(ritaClient.ydoc).includes('editor polish'));
    const live = await api(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, ed.auth);
    expect(JSON.stringify(live.body)).not.toContain('after approval');
    expect(paragraphs(watcher.ydoc)).not.toContain('after approval');
    raw.ws.close();

    const reopened = await move(ed.auth, id, 'draft', 'One more quote.');
    expect(reopened.status).toBe(200);
    expect((await read(rita.auth, id)).canEdit).toBe(true);
    const again = openRawSocket(server.url, id, { auth: rita.auth });
    await again.greeted;
    again.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'the extra quote')));
    await waitFor('the reopened edit', () => paragraphs(watcher.ydoc).includes('the extra quote'));
    again.ws.close();
    ritaClient.destroy();
    watcher.destroy();
  });
});
