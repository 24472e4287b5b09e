import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/accounts.ts';
import type { Article } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { listSuggestions } from '../../shared/editor/suggestions/listSuggestions.ts';
import { listThreads, type CommentThread } from '../../shared/review/commentThreads.ts';
import type { VersionSummary } from '../../shared/api.ts';
import { api, connectClient, createStory, createUser, waitFor, type Auth, type TestClient, type TestUser } from './helpers.ts';
import { useOpenClients, useTestServer } from './testServer.ts';
import { bodyTexts, editStory, rangeOf, resolveSuggestion, storyDoc, suggestReplace, typeAt } from './storyEdits.ts';

const BODY = 'The council approved the budget on Tuesday after a long debate.';

describe('reviewing a live story: comments, suggestions, versions, review settings', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  let vic: TestUser;
  const { open, clients } = useOpenClients(server);
  const comments = (auth: Auth, id: string) => api<{ threads: CommentThread[] }>(server.url, 'GET', `/api/articles/${id}/comments`, undefined, auth);
  const comment = (auth: Auth, id: string, from: number, to: number, body: string) =>
    api<{ thread: CommentThread; error?: { id: string } }>(server.url, 'POST', `/api/articles/${id}/comments`, { from, to, body }, auth);
  const move = (auth: Auth, id: string, to: string, note?: string) =>
    api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, note === undefined ? { to } : { to, note }, auth);
  const versions = async (auth: Auth, id: string) =>
    (await api<{ versions: VersionSummary[] }>(server.url, 'GET', `/api/articles/${id}/versions`, undefined, auth)).body.versions;

  /** A story by Rita whose body is BODY, written by her headless client. */
  const storyWithBody = async (headline: string): Promise<{ id: string; ritaClient: TestClient }> => {
    const id = await createStory(server.url, headline, rita.auth);
    const ritaClient = await open(rita.auth, id);
    editStory(ritaClient.ydoc, (tr) => tr.insertText(BODY, tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1));
    return { id, ritaClient };
  };
  const converged = (...replicas: TestClient[]) => () => {
    const [first, ...rest] = replicas.map((client) => JSON.stringify(storyDoc(client.ydoc).toJSON()));
    return rest.every((json) => json === first);
  };

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('refuses an editor of schema 1 (no suggestions) and serves schema 2', async () => {
    const id = await createStory(server.url, 'Schema check', rita.auth);
    const old = connectClient(server.url, id, { auth: rita.auth, schemaVersion: '1.0.0' });
    expect(await old.closed).toBe(CloseCode.SchemaMismatch);
    old.destroy();
    const current = await open(rita.auth, id);
    expect(storyDoc(current.ydoc).child(0).textContent).toBe('Schema check');
  });

  it('comments stay on their words while two people type around them; threads reach everyone live', async () => {
    const { id, ritaClient } = await storyWithBody('Budget vote');
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);

    const budget = rangeOf(storyDoc(edClient.ydoc), 'the budget');
    const created = await comment(ed.auth, id, budget.from, budget.to, 'Which budget? Give the year.');
    expect(created.status).toBe(201);
    expect(created.body.thread).toMatchObject({ quote: 'the budget', author: { id: 'ed', name: 'Ed Itor' }, resolved: false, detached: false });
    const threadId = created.body.thread.id;
    // Concurrently, before either has seen the other: Rita types before the commented words and Ed after them.
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'approved').from, 'finally ');
    typeAt(edClient.ydoc, (doc) => rangeOf(doc, 'Tuesday').to, ' evening');

    const expected = 'The council finally approved the budget on Tuesday evening after a long debate.';
    await waitFor('both to converge', () => bodyTexts(ritaClient.ydoc)[0] === expected && converged(ritaClient, edClient)());
    await waitFor('the thread to reach Rita live', () => listThreads(ritaClient.ydoc).some((thread) => thread.id === threadId));
    const seenByRita = listThreads(ritaClient.ydoc).find((thread) => thread.id === threadId)!;
    expect(seenByRita.quote).toBe('the budget');
    const range = rangeOf(storyDoc(ritaClient.ydoc), 'the budget');
    expect([seenByRita.from, seenByRita.to]).toEqual([range.from, range.to]);

    // Replies, own-only edit and delete, resolve and reopen.
    const replied = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments/${threadId}/replies`, { body: 'The 2025 one.' }, rita.auth);
    expect(replied.status).toBe(201);
    const ritaReply = replied.body.thread.replies[1]!;
    expect(ritaReply).toMatchObject({ body: 'The 2025 one.', author: { id: 'rita', name: 'Rita Porter' } });
    const replyPath = `/api/articles/${id}/comments/${threadId}/replies/${ritaReply.id}`;
    expect((await api(server.url, 'PATCH', replyPath, { body: 'Hijacked' }, ed.auth)).status).toBe(403);
    expect((await api(server.url, 'DELETE', replyPath, undefined, ed.auth)).status).toBe(403);
    const edited = await api<{ thread: CommentThread }>(server.url, 'PATCH', replyPath, { body: 'The 2025-26 one.' }, rita.auth);
    expect(edited.body.thread.replies[1]).toMatchObject({ body: 'The 2025-26 one.', deleted: false });
    expect(edited.body.thread.replies[1]!.editedAt).not.toBeNull();
    const resolved = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments/${threadId}/resolve`, undefined, rita.auth);
    expect(resolved.body.thread).toMatchObject({ resolved: true, resolvedBy: { id: 'rita' } });
    await waitFor('Ed to see the thread resolved', () => listThreads(edClient.ydoc).find((thread) => thread.id === threadId)?.resolved === true);
    const reopened = await api<{ thread: CommentThread }>(server.url, 'POST', `/api/articles/${id}/comments/${threadId}/reopen`, undefined, ed.auth);
    expect(reopened.body.thread.resolved).toBe(false);
    const deleted = await api<{ thread: CommentThread }>(server.url, 'DELETE', replyPath, undefined, rita.auth);
    expect(deleted.body.thread.replies[1]).toMatchObject({ deleted: true, body: '' });

    // Validation and unknown ids.
    expect((await comment(ed.auth, id, budget.from, budget.from, 'Empty range')).status).toBe(400);
    expect((await comment(ed.auth, id, budget.from, budget.to, '   ')).status).toBe(400);
    expect((await api(server.url, 'POST', `/api/articles/${id}/comments/nope/replies`, { body: 'x' }, ed.auth)).status).toBe(404);
    expect((await comments(ed.auth, 'no-such-story')).status).toBe(404);

    // Deleting the words detaches the thread instead of losing it.
    editStory(ritaClient.ydoc, (tr) => {
      const words = rangeOf(tr.doc, 'the budget ');
      return tr.delete(words.from, words.to);
    });
    await waitFor('the thread to detach', () => listThreads(edClient.ydoc).find((thread) => thread.id === threadId)?.detached === true);
    const listed = (await comments(ed.auth, id)).body.threads.find((thread) => thread.id === threadId)!;
    expect(listed).toMatchObject({ detached: true, from: null, to: null, quote: 'the budget', originalQuote: 'the budget' });
  });

  it('a viewer may comment but not edit, and comments never appear in exports', async () => {
    const { id, ritaClient } = await storyWithBody('Viewer comments');
    const vicClient = await open(vic.auth, id);
    await waitFor('Vic to receive the body', () => bodyTexts(vicClient.ydoc)[0] === BODY);
    // Vic's socket is read-only: the server drops his edit.
    typeAt(vicClient.ydoc, (doc) => rangeOf(doc, 'debate').to, ' VANDALISED');
    const council = rangeOf(storyDoc(ritaClient.ydoc), 'council');
    const created = await comment(vic.auth, id, council.from, council.to, 'SECRET-COMMENT-TEXT');
    expect(created.status).toBe(201);
    expect(created.body.thread.author).toMatchObject({ id: 'vic', name: 'Vic Viewer' });
    await waitFor('Rita to see Vic’s thread', () => listThreads(ritaClient.ydoc).length === 1);
    expect(bodyTexts(ritaClient.ydoc)[0]).toBe(BODY);

    for (const format of ['html', 'ninjs', 'md', 'json', 'text']) {
      const response = await fetch(`${server.url}/api/articles/${id}/export?format=${format}`, { headers: { cookie: ed.auth.cookie } });
      expect(response.status, format).toBe(200);
      const text = await response.text();
      expect(text, format).toContain('council');
      expect(text, format).not.toContain('SECRET-COMMENT-TEXT');
      expect(text, format).not.toContain('VANDALISED');
    }
  });

  it('suggestions survive concurrent typing; accepted text is exactly the suggestion; exports and publishing leave them out', async () => {
    const { id, ritaClient } = await storyWithBody('Suggested budget');
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);
    const edAuthor = { id: 'ed', name: 'Ed Itor', color: '#30638e' };

    // Ed suggests two changes while Rita types plainly in the same paragraph.
    suggestReplace(edClient.ydoc, edAuthor, 's-day', 'Tuesday', 'Wednesday');
    suggestReplace(edClient.ydoc, edAuthor, 's-long', 'long ', 'heated ');
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'debate').to, ' in the town hall');
    await waitFor('both to converge', converged(ritaClient, edClient));
    const pending = listSuggestions(storyDoc(ritaClient.ydoc));
    expect(pending.map((s) => [s.id, s.kind, s.deleted, s.inserted])).toEqual([
      ['s-day', 'replace', 'Tuesday', 'Wednesday'],
      ['s-long', 'replace', 'long ', 'heated '],
    ]);

    // Exports and the word count read the story with the suggestions rejected.
    const text = await (await fetch(`${server.url}/api/articles/${id}/export?format=text`, { headers: { cookie: ed.auth.cookie } })).text();
    expect(text).toContain('on Tuesday after a long debate in the town hall.');
    expect(text).not.toContain('Wednesday');

    // Publishing is refused while any is pending.
    expect((await move(rita.auth, id, 'in_review')).status).toBe(200);
    expect((await move(ed.auth, id, 'approved')).status).toBe(200);
    const blocked = await api<{ error: { id: string; details: Array<{ id: string }> } }>(server.url, 'POST', `/api/articles/${id}/publish`, {}, ed.auth);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.id).toBe('publish_blocked');
    expect(blocked.body.error.details.map((problem) => problem.id)).toContain('suggestions_pending');
    expect((await move(ed.auth, id, 'draft')).status).toBe(200);

    // Rita accepts one, Ed rejects the other, while Rita keeps typing.
    resolveSuggestion(ritaClient.ydoc, 's-day', true);
    resolveSuggestion(edClient.ydoc, 's-long', false);
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'The council').from, 'Today: ');
    const expected = 'Today: The council approved the budget on Wednesday after a long debate in the town hall.';
    await waitFor('both to converge on the decided text', () => bodyTexts(edClient.ydoc)[0] === expected && converged(ritaClient, edClient)());
    expect(listSuggestions(storyDoc(edClient.ydoc))).toEqual([]);
    const after = await (await fetch(`${server.url}/api/articles/${id}/export?format=text`, { headers: { cookie: ed.auth.cookie } })).text();
    expect(after).toContain('on Wednesday after a long debate');

    // Once decided, the story publishes, and the publication is a transition with its version.
    expect((await move(rita.auth, id, 'in_review')).status).toBe(200);
    expect((await move(ed.auth, id, 'approved')).status).toBe(200);
    expect((await api(server.url, 'POST', `/api/articles/${id}/publish`, {}, ed.auth)).status).toBe(201);
    const names = async () => (await versions(ed.auth, id)).map((v) => v.name);
    for (let i = 0; i < 50 && !(await names()).includes('Approved → Published'); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect((await names()).slice(0, 3)).toEqual(['Approved → Published', 'In review → Approved', 'Draft → In review']);
  });

  it('keeps a version at every transition and restores an old one under concurrent typing, keeping the versions in between', async () => {
    const { id, ritaClient } = await storyWithBody('Versioned budget');
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc)[0] === BODY);

    expect((await move(rita.auth, id, 'in_review')).status).toBe(200);
    expect((await move(ed.auth, id, 'draft', 'Needs the year')).status).toBe(200);
    let list = await versions(ed.auth, id);
    expect(list.map((v) => [v.number, v.kind, v.name])).toEqual([
      [2, 'transition', 'In review → Draft'],
      [1, 'transition', 'Draft → In review'],
    ]);
    expect(list[1]!.editors).toContain('rita');
    expect(list[1]!.wordCount).toBeGreaterThan(10);

    // Rita rewrites the paragraph and adds one; Ed saves a named version.
    editStory(ritaClient.ydoc, (tr) => {
      const words = rangeOf(tr.doc, 'after a long debate');
      return tr.insertText('without debate', words.from, words.to);
    });
    editStory(ritaClient.ydoc, (tr) => tr.insert(tr.doc.content.size, tr.doc.type.schema.nodes.paragraph!.create(null, tr.doc.type.schema.text('Second paragraph.'))));
    await waitFor('Ed to see the rewrite', () => bodyTexts(edClient.ydoc).length === 2);
    const named = await api<VersionSummary>(server.url, 'POST', `/api/articles/${id}/versions`, { name: 'Before legal read' }, ed.auth);
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ number: 3, kind: 'named', name: 'Before legal read', createdBy: 'ed' });
    expect((await api(server.url, 'POST', `/api/articles/${id}/versions`, { name: 'Nope' }, vic.auth)).status).toBe(403);

    // Ed is offline, typing in the headline (a block version 1 shares), while Rita restores version 1.
    edClient.provider.disconnect();
    typeAt(edClient.ydoc, (doc) => rangeOf(doc, 'Versioned budget').to, ' plan');
    const restored = await api<{ restored: VersionSummary; before: VersionSummary }>(server.url, 'POST', `/api/articles/${id}/versions/1/restore`, undefined, rita.auth);
    expect(restored.status).toBe(200);
    expect(restored.body.before).toMatchObject({ number: 4, kind: 'restore' });
    await waitFor('Rita to receive the restore', () => bodyTexts(ritaClient.ydoc).join('|') === BODY);
    edClient.provider.connect();
    await waitFor('both to converge after the restore', () => converged(ritaClient, edClient)() && storyDoc(ritaClient.ydoc).child(0).textContent === 'Versioned budget plan');
    expect(bodyTexts(edClient.ydoc)).toEqual([BODY]);
    list = await versions(ed.auth, id);
    expect(list.map((v) => v.number)).toEqual([4, 3, 2, 1]);
    const compare = await api<{ html: string }>(server.url, 'GET', `/api/articles/${id}/versions/3/compare?to=1`, undefined, ed.auth);
    expect(compare.status).toBe(200);
    expect(compare.body.html).toContain('<del');
    const html = await fetch(`${server.url}/api/articles/${id}/versions/3?format=html`, { headers: { cookie: ed.auth.cookie } });
    expect(await html.text()).toContain('without debate');
  });

  it('comments, suggestions, versions and review settings survive a server restart', async () => {
    const { id, ritaClient } = await storyWithBody('Restart');
    const words = rangeOf(storyDoc(ritaClient.ydoc), 'council');
    expect((await comment(ed.auth, id, words.from, words.to, 'Which council?')).status).toBe(201);
    suggestReplace(ritaClient.ydoc, { id: 'rita', name: 'Rita Porter', color: '#00798c' }, 's-restart', 'Tuesday', 'Monday');
    expect((await api(server.url, 'PUT', `/api/articles/${id}/review`, { assignedWords: 450 }, ed.auth)).status).toBe(200);
    const observer = await open(ed.auth, id);
    await waitFor('the suggestion to reach the server', () => listSuggestions(storyDoc(observer.ydoc)).length === 1);
    expect((await move(rita.auth, id, 'in_review')).status).toBe(200);
    const threadsBefore = (await comments(ed.auth, id)).body.threads;
    expect(threadsBefore).toHaveLength(1);
    // The newest version holds the suggestion, so the story reached the server before the restart.
    const newest = await api<{ article: { doc: unknown } }>(server.url, 'GET', `/api/articles/${id}/versions/1`, undefined, ed.auth);
    expect(JSON.stringify(newest.body.article.doc)).toContain('suggestionInsert');

    for (const client of clients.splice(0)) client.destroy();
    await server.restart();
    // Sessions are stored too: everyone stays signed in.
    expect((await comments(ed.auth, id)).body.threads).toEqual(threadsBefore);
    expect((await versions(ed.auth, id)).map((v) => v.name)).toEqual(['Draft → In review']);
    expect((await api<Article>(server.url, 'GET', `/api/articles/${id}`, undefined, ed.auth)).body).toMatchObject({ assignedWords: 450, status: 'in_review' });
    const client = await open(ed.auth, id);
    expect(listSuggestions(storyDoc(client.ydoc)).map((s) => [s.id, s.inserted])).toEqual([['s-restart', 'Monday']]);
  });

  it('review settings: editors only, on the story, in its activity', async () => {
    const id = await createStory(server.url, 'Settings', rita.auth);
    const put = (auth: Auth, body: unknown) => api<Article>(server.url, 'PUT', `/api/articles/${id}/review`, body, auth);
    expect((await put(rita.auth, { requireSuggestions: true })).status).toBe(403);
    expect((await put(ed.auth, { assignedWords: -3 })).status).toBe(400);
    const updated = await put(ed.auth, { requireSuggestions: true, assignedWords: 600 });
    expect(updated.body).toMatchObject({ requireSuggestions: true, assignedWords: 600 });
    expect((await put(ed.auth, { assignedWords: null })).body).toMatchObject({ requireSuggestions: true, assignedWords: null });
    const read = await api<Article>(server.url, 'GET', `/api/articles/${id}`, undefined, rita.auth);
    expect(read.body).toMatchObject({ requireSuggestions: true, assignedWords: null });
    const activity = await api<{ entries?: ActivityEntry[] } | ActivityEntry[]>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, ed.auth);
    const entries = Array.isArray(activity.body) ? activity.body : (activity.body.entries ?? []);
    expect(entries.filter((entry) => entry.action === 'review_settings').map((entry) => entry.note)).toEqual([
      'Suggesting required while in review',
      'Assigned length: 600 words',
      'Assigned length cleared',
    ]);
    expect(entries.filter((entry) => entry.action === 'review_settings').map((entry) => [entry.subject, entry.to])).toEqual([
      ['requireSuggestions', 'true'],
      ['assignedWords', '600'],
      ['assignedWords', null],
    ]);
  });
});
