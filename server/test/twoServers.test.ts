import { describe, expect, it } from 'vitest';
import { approve, storyWith, writeStory } from './publishingHelpers.ts';
import { useTwoServers } from './useTwoServers.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { api, appendParagraph, connectClient, createStory, createUser, paragraphs, signIn, waitFor, within, type TestClient } from './helpers.ts';

/**
 * Two Copydesk servers sharing stories through a real Redis, on one PostgreSQL database (as in
 * production) and on one SQLite file (two processes of one machine).
 */
describe.each(['PostgreSQL', 'one SQLite file'] as const)('two servers, one story, through Redis, on %s', (engine) => {
  const servers = useTwoServers(engine, { ownRedis: true });
  const { clients } = servers;

  it('relays every keystroke between writers on both servers, and a fresh client on either loads the same story', async () => {
    const { a, b, admin } = servers;
    const id = await createStory(a.url, 'Election night', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    for (let i = 0; i < 20; i++) {
      appendParagraph(onA.ydoc, `from A ${i}`);
      appendParagraph(onB.ydoc, `from B ${i}`);
    }
    const all = (client: TestClient) => paragraphs(client.ydoc).filter((text) => text.startsWith('from ')).sort();
    await waitFor('both writers to hold all forty paragraphs', () => all(onA).length === 40 && all(onB).length === 40);
    expect(all(onA)).toEqual(all(onB));

    const freshA = connectClient(a.url, id, { auth: admin });
    const freshB = connectClient(b.url, id, { auth: admin });
    clients.push(freshA, freshB);
    await Promise.all([freshA.synced, freshB.synced]);
    expect(all(freshA)).toEqual(all(onA));
    expect(all(freshB)).toEqual(all(onA));
    // Each keystroke is stored once, by the server that accepted it.
    expect((await api(a.url, 'GET', `/api/articles/${id}/export?format=text`, undefined, admin)).status).toBe(200);
  });

  it('catches up after Redis restarts: what one server stored meanwhile reaches the other server’s writers', async () => {
    const { a, b, admin, redis } = servers;
    const id = await createStory(a.url, 'Outage', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    await redis.kill();
    const deadline = Date.now() + 10_000;
    while ((await api(a.url, 'GET', '/api/health')).status !== 503 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await api(a.url, 'GET', '/api/health')).status).toBe(503);
    appendParagraph(onA.ydoc, 'typed on A while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paragraphs(onB.ydoc)).not.toContain('typed on A while Redis was down');
    await redis.start();
    await waitFor('B’s writer to catch up', () => paragraphs(onB.ydoc).includes('typed on A while Redis was down'), 20_000);
    appendParagraph(onB.ydoc, 'typed on B after');
    await waitFor('the relay to carry keystrokes again', () => paragraphs(onA.ydoc).includes('typed on B after'));
    expect((await api(a.url, 'GET', '/api/health')).status).toBe(200);
  }, 40_000);

  it('two editors publishing one story at once on both servers: each gets 201 or 409 published_meanwhile, and the versions are 1..n', async () => {
    const { a, b, admin } = servers;
    const id = await createStory(a.url, 'Both at once', admin);
    await writeStory(a.url, id, admin, storyWith((article) => {
      article.meta.slug = 'both-at-once';
    }));
    await approve(a.url, id, admin);
    const answers = await Promise.all([a, b, a, b].map((server) => api<{ error?: { id: string } }>(server.url, 'POST', `/api/articles/${id}/publish`, {}, admin)));
    for (const answer of answers) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 409) expect(['published_meanwhile', 'transition_not_allowed']).toContain(answer.body.error?.id);
    }
    expect(answers.some((answer) => answer.status === 201)).toBe(true);
    const listed = await api<{ publications: Array<{ version: number }> }>(b.url, 'GET', `/api/articles/${id}/publications`, undefined, admin);
    const versions = listed.body.publications.map((p) => p.version).sort((x, y) => x - y);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  describe('access changed on one server reaches the sockets of the other', () => {
    it('signing out on A closes the same session’s socket on B with Unauthorized', async () => {
      const { a, b, admin } = servers;
      const jo = await createUser(a.url, admin, 'jo', 'reporter');
      const id = await createStory(a.url, 'Signed out', jo.auth);
      const laptop = await signIn(a.url, 'jo', jo.password);
      const onB = connectClient(b.url, id, { auth: laptop });
      const otherSession = connectClient(b.url, id, { auth: jo.auth });
      clients.push(onB, otherSession);
      await Promise.all([onB.synced, otherSession.synced]);
      expect((await api(a.url, 'DELETE', '/api/session', undefined, laptop)).status).toBe(204);
      expect(await within(onB.closed, 3_000)).toBe(CloseCode.Unauthorized);
      // Only that session's sockets: the same person's other session stays.
      expect(await within(otherSession.closed, 300)).toBe('pending');
    });

    it('disabling an account on A closes its sockets on B', async () => {
      const { a, b, admin } = servers;
      const kim = await createUser(a.url, admin, 'kim', 'reporter');
      const id = await createStory(b.url, 'Disabled', kim.auth);
      const onB = connectClient(b.url, id, { auth: kim.auth });
      clients.push(onB);
      await onB.synced;
      expect((await api(a.url, 'PATCH', '/api/users/kim', { disabled: true }, admin)).status).toBe(200);
      expect(await within(onB.closed, 3_000)).toBe(CloseCode.Unauthorized);
    });

    it('an approval on A turns the reporter’s socket on B read-only (closed with AccessChanged), and B refuses their writes meanwhile', async () => {
      const { a, b, admin } = servers;
      const lee = await createUser(a.url, admin, 'lee', 'reporter');
      const id = await createStory(a.url, 'Approved', lee.auth);
      const onB = connectClient(b.url, id, { auth: lee.auth });
      clients.push(onB);
      await onB.synced;
      expect((await api(a.url, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }, lee.auth)).status).toBe(200);
      expect((await api(a.url, 'POST', `/api/articles/${id}/transitions`, { to: 'approved' }, admin)).status).toBe(200);
      expect(await within(onB.closed, 3_000)).toBe(CloseCode.AccessChanged);
    });

    it('required suggesting set on A holds on B at once: a plain edit through B is undone', async () => {
      const { a, b, admin } = servers;
      const sue = await createUser(a.url, admin, 'sue', 'reporter');
      const id = await createStory(a.url, 'Suggest only', sue.auth);
      expect((await api(a.url, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }, sue.auth)).status).toBe(200);
      const onB = connectClient(b.url, id, { auth: sue.auth });
      clients.push(onB);
      await onB.synced;
      expect((await api(a.url, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: true }, admin)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      appendParagraph(onB.ydoc, 'a plain edit');
      await waitFor('the plain edit undone on B', () => !paragraphs(onB.ydoc).includes('a plain edit'));
    });
  });
});
