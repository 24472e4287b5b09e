import { beforeAll, describe, expect, it } from 'vitest';
import { api, connectClient, createStory, createUser, waitFor, type Auth, type TestUser } from './helpers.ts';
import { approve, storyWith, writeStory } from './publishingHelpers.ts';
import { suggestReplace } from './storyEdits.ts';
import { useTestServer } from './testServer.ts';

type Refusal = { error?: { id: string; message: string; details?: Array<{ id: string; message: string }> } };

describe('what the publish gate says, and the schedule without an embargo', () => {
  const server = useTestServer();
  let ed: TestUser;

  const publish = (id: string, auth: Auth) => api<Refusal>(server.url, 'POST', `/api/articles/${id}/publish`, {}, auth);

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
  });

  it('counts the suggestions still waiting (two, not one)', async () => {
    const id = await createStory(server.url, 'Suggested', server.admin);
    await writeStory(server.url, id, server.admin, storyWith());
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    const author = { id: 'admin', name: 'Admin', color: '#336699' };
    suggestReplace(client.ydoc, author, 'sug-1', '290 expatriates', '300 expatriates');
    suggestReplace(client.ydoc, author, 'sug-2', 'nine ambassadors', 'ten ambassadors');
    const watcher = connectClient(server.url, id, { auth: server.admin });
    await waitFor('both suggestions to reach the server', () => JSON.stringify(watcher.ydoc.getXmlFragment('default').toJSON()).includes('sug-2'));
    watcher.destroy();
    client.destroy();
    await approve(server.url, id, server.admin);

    const refused = await publish(id, ed.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.details?.find((p) => p.id === 'suggestions_pending')?.message).toBe('2 suggestions are still waiting for a decision.');
  });

  it('names a linked story that is not published by its headline', async () => {
    const linked = await createStory(server.url, 'Ferry timetable changes from Monday', server.admin);
    const id = await createStory(server.url, 'Links to an unpublished story', server.admin);
    await writeStory(server.url, id, server.admin, storyWith(() => {}, linked));
    await approve(server.url, id, server.admin);
    const refused = await publish(id, ed.auth);
    expect(refused.status).toBe(409);
    const problem = refused.body.error?.details?.find((p) => p.id === 'read_more_unpublished');
    expect(problem?.message).toContain('points to the story "Ferry timetable changes from Monday", which is not published.');
    expect(problem?.message).not.toContain(linked);
  });

  it('takes PUT /schedule without embargoUntil as no embargo', async () => {
    const id = await createStory(server.url, 'Planned', ed.auth);
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const answer = await api<{ schedule: { publishAt: string | null; embargoUntil: string | null } }>(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt }, ed.auth);
    expect(answer.status).toBe(200);
    expect(answer.body.schedule).toMatchObject({ publishAt, embargoUntil: null });
    expect((await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { embargoUntil: null }, ed.auth)).status).toBe(400);
  });
});
