import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, waitFor, within } from './helpers.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame } from './rawSocket.ts';
import { useTwoServers } from './useTwoServers.ts';

/** A spike or a deletion on one server reaches the story's sockets on another, through Redis. */
describe.each(['PostgreSQL', 'one SQLite file'] as const)('spiking across two servers, on %s', (engine) => {
  const servers = useTwoServers(engine);
  const { clients } = servers;

  it('a spike on A closes a writer’s socket on B, and B drops what a writer sends to the spiked story', async () => {
    const { a, b, admin } = servers;
    const id = await createStory(a.url, 'Spiked on A', admin);
    const onB = connectClient(b.url, id, { auth: admin });
    const watcher = connectClient(a.url, id, { auth: admin });
    clients.push(onB, watcher);
    await Promise.all([onB.synced, watcher.synced]);
    appendParagraph(onB.ydoc, 'written on B');
    await waitFor('the edit on B to reach A', () => paragraphs(watcher.ydoc).includes('written on B'));

    expect((await api(a.url, 'POST', `/api/articles/${id}/spike`, undefined, admin)).status).toBe(200);
    expect(await within(onB.closed, 3_000)).toBe(CloseCode.AccessChanged);
    const raw = openRawSocket(b.url, id, { auth: admin });
    await raw.greeted;
    raw.send(syncUpdateFrame(appendParagraphUpdate(watcher.ydoc, 'sent to B while spiked')));
    await raw.barrier();
    raw.ws.close();
    const stored = await api(a.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, admin);
    expect(JSON.stringify(stored.body)).toContain('written on B');
    expect(JSON.stringify(stored.body)).not.toContain('sent to B while spiked');
    expect(paragraphs(watcher.ydoc)).not.toContain('sent to B while spiked');
  });

  it('a deletion on A closes the story’s sockets on B with StoryDeleted', async () => {
    const { a, b, admin } = servers;
    const id = await createStory(a.url, 'Deleted on A', admin);
    expect((await api(a.url, 'POST', `/api/articles/${id}/spike`, undefined, admin)).status).toBe(200);
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onB);
    await onB.synced;
    expect((await api(a.url, 'DELETE', `/api/articles/${id}`, undefined, admin)).status).toBe(204);
    expect(await within(onB.closed, 3_000)).toBe(CloseCode.StoryDeleted);
    expect((await api(b.url, 'GET', `/api/articles/${id}`, undefined, admin)).status).toBe(404);
  });
});
