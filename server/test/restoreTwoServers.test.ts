import { describe, expect, it } from 'vitest';
import type { RestorableBlock } from '../../shared/api.ts';
import type { RunningServer } from '../index.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, waitFor, waitUntil, type Auth, type TestClient } from './helpers.ts';
import { useTwoServers } from './useTwoServers.ts';

const LEAD = 'Councillors met on Tuesday evening.';
const BUDGET = 'The budget passed after a long debate about the new tax.';
const END = 'The next meeting is in June.';
const ROUNDS = 6;

/** The paragraphs `server` exports (what it publishes); a server relays an update only once it is stored. */
async function exportedParagraphs(server: RunningServer, id: string, admin: Auth): Promise<string[]> {
  const { status, body } = await api<{ doc: { content?: Array<{ type: string; content?: Array<{ text?: string }> }> } }>(
    server.url,
    'GET',
    `/api/articles/${id}/export?format=json`,
    undefined,
    admin,
  );
  expect(status).toBe(200);
  return (body.doc.content ?? []).filter((node) => node.type === 'paragraph').map((node) => (node.content ?? []).map((text) => text.text ?? '').join(''));
}

/**
 * Two editors restore the same thing at the same moment, each through another server: the story
 * gets it back once. Each server plans its restore on the story as it holds it; without taking turns
 * both would insert the paragraph, and the merge would hold it twice.
 */
describe.each(['PostgreSQL', 'one SQLite file'] as const)('restoring at the same moment on two servers, on %s', (engine) => {
  // Six rounds of restores spend more than an account's request budget: these tests measure turns, not budgets.
  const servers = useTwoServers(engine, { overrides: { requestBudgetPoints: 0 } });
  const { clients } = servers;

  /** A story open on both servers with three paragraphs kept as version 1, then its middle one deleted. */
  const storyMissingBudget = async (headline: string): Promise<{ id: string; onA: TestClient; onB: TestClient }> => {
    const { a, b, admin } = servers;
    const id = await createStory(a.url, headline, admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    for (const text of [LEAD, BUDGET, END]) appendParagraph(onA.ydoc, text);
    await waitFor('the paragraphs to reach B', () => paragraphs(onB.ydoc).includes(END));
    expect((await api(a.url, 'POST', `/api/articles/${id}/versions`, { name: 'Three paragraphs' }, admin)).status).toBe(201);
    const fragment = onA.ydoc.getXmlFragment('default');
    const at = fragment.toArray().findIndex((node) => node.toString().includes(BUDGET));
    fragment.delete(at, 1);
    await waitFor('the deletion to reach B', () => !paragraphs(onB.ydoc).includes(BUDGET));
        return { id, onA, onB };
  };

  const converged = (onA: TestClient, onB: TestClient) => () => JSON.stringify(paragraphs(onA.ydoc)) === JSON.stringify(paragraphs(onB.ydoc));
  const count = (texts: string[], text: string) => texts.filter((each) => each === text).length;

  it('one block restored on both servers at once comes back once', async () => {
    const { a, b, admin } = servers;
    for (let round = 0; round < ROUNDS; round++) {
      const { id, onA, onB } = await storyMissingBudget(`Budget, block round ${round}`);
      const { body } = await api<{ restorable: RestorableBlock[] }>(a.url, 'GET', `/api/articles/${id}/versions/1/compare?to=current`, undefined, admin);
      const block = body.restorable.find((each) => each.text.includes(BUDGET))!.block;
      const answers = await Promise.all(
        [a, b].map((server) => api(server.url, 'POST', `/api/articles/${id}/versions/1/blocks/restore`, { block }, admin)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      await waitFor('both servers to hold the same story', converged(onA, onB));
      expect(count(paragraphs(onA.ydoc), BUDGET)).toBe(1);
      expect(count(paragraphs(onB.ydoc), BUDGET)).toBe(1);
      for (const server of [a, b]) expect(count(await exportedParagraphs(server, id, admin), BUDGET)).toBe(1);
    }
  }, 60_000);

  it('a version restored on both servers at once is the version once', async () => {
    const { a, b, admin } = servers;
    for (let round = 0; round < ROUNDS; round++) {
      const { id, onA, onB } = await storyMissingBudget(`Budget, version round ${round}`);
      const answers = await Promise.all([a, b].map((server) => api(server.url, 'POST', `/api/articles/${id}/versions/1/restore`, {}, admin)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      await waitFor('both servers to hold the same story', converged(onA, onB));
      expect(paragraphs(onA.ydoc).filter((text) => text !== '')).toEqual([LEAD, BUDGET, END]);
      for (const server of [a, b]) expect((await exportedParagraphs(server, id, admin)).filter((text) => text !== '')).toEqual([LEAD, BUDGET, END]);
    }
  }, 60_000);
});

describe('restoring on one of two servers while Redis is away', () => {
  const servers = useTwoServers('one SQLite file', { ownRedis: true, overrides: { requestBudgetPoints: 0 } });

  it('answers 503 story_lock_unavailable and changes nothing; once Redis is back the restore goes through', async () => {
    const { a, admin, redis, clients } = servers;
    const id = await createStory(a.url, 'Restored after the outage', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    clients.push(onA);
    await onA.synced;
    appendParagraph(onA.ydoc, BUDGET);
    await waitUntil('the paragraph to reach A', async () => (await exportedParagraphs(a, id, admin)).includes(BUDGET));
    expect((await api(a.url, 'POST', `/api/articles/${id}/versions`, { name: 'With the budget' }, admin)).status).toBe(201);
    onA.ydoc.getXmlFragment('default').delete(onA.ydoc.getXmlFragment('default').length - 1, 1);
    await waitFor('the deletion to reach A', () => !paragraphs(onA.ydoc).includes(BUDGET));

    await redis.kill();
    const refused = await api<{ error: { id: string } }>(a.url, 'POST', `/api/articles/${id}/versions/1/restore`, {}, admin);
    expect(refused.status).toBe(503);
    expect(refused.body.error.id).toBe('story_lock_unavailable');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(paragraphs(onA.ydoc)).not.toContain(BUDGET);

    await redis.start();
    await waitUntil(
      'the restore to go through once Redis is back',
      async () => (await api(a.url, 'POST', `/api/articles/${id}/versions/1/restore`, {}, admin)).status === 200,
      15_000,
    );
    await waitFor('the paragraph to come back', () => paragraphs(onA.ydoc).filter((text) => text === BUDGET).length === 1);
  }, 60_000);
});
