import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActivityEntry } from '../../shared/accounts.ts';
import type { Article, RestorableBlock, RestoreBlockResponse, VersionSummary } from '../../shared/api.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import type { RunningServer } from '../index.ts';
import { api, connectClient, createStory, createUser, signInAdmin, startTestServer, tempDataDir, waitFor, type Auth, type TestClient, type TestUser } from './helpers.ts';
import { readStoredState } from './readStoredState.ts';
import { bodyTexts, editStory, rangeOf, storyDoc, typeAt } from './storyEdits.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';
import { useOpenClients, useTestServer } from './testServer.ts';

const LEAD = 'Councillors met on Tuesday evening.';
const BUDGET = 'The budget passed after a long debate about the new tax.';
const END = 'The next meeting is in June.';
const REWRITTEN_END = 'The next meeting is in July, not June.';

describe('restoring one block of an old version (real server, real collaboration clients)', () => {
  const server = useTestServer();
  let ed: TestUser;
  let eve: TestUser;
  let rita: TestUser;
  let vic: TestUser;
  const { open } = useOpenClients(server);
  const restore = (auth: Auth, id: string, version: number | string, body: unknown) =>
    api<RestoreBlockResponse & { error?: { id: string } }>(server.url, 'POST', `/api/articles/${id}/versions/${version}/blocks/restore`, body, auth);
  const restorable = async (auth: Auth, id: string, version: number) =>
    (await api<{ restorable: RestorableBlock[] }>(server.url, 'GET', `/api/articles/${id}/versions/${version}/compare?to=current`, undefined, auth)).body
      .restorable;
  const activity = async (id: string) =>
    (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, ed.auth)).body.entries.filter(
      (entry) => entry.action === 'restore_block',
    );
  /** The story's body as SQLite holds it: what every server and every later reader gets. */
  const storedBody = (id: string): string[] => {
    const db = new Database(databasePath(server.dataDir), { readonly: true });
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, readStoredState(db, id)!);
      return bodyTexts(doc);
    } finally {
      db.close();
    }
  };
  const converged = (...replicas: TestClient[]) => () => {
    const [first, ...rest] = replicas.map((client) => JSON.stringify(storyDoc(client.ydoc).toJSON()));
    return rest.every((json) => json === first);
  };

  /** Rita's story with three paragraphs, kept as a named version 1 by Eve. */
  const versionedStory = async (headline: string): Promise<{ id: string; ritaClient: TestClient }> => {
    const id = await createStory(server.url, headline, rita.auth);
    const ritaClient = await open(rita.auth, id);
    editStory(ritaClient.ydoc, (tr) => {
      const paragraph = (text: string) => tr.doc.type.schema.nodes.paragraph!.create(null, tr.doc.type.schema.text(text));
      return tr.replaceWith(tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize, tr.doc.content.size, [paragraph(LEAD), paragraph(BUDGET), paragraph(END)]);
    });
    await waitFor('the body to be stored', () => storedBody(id).length === 3);
    const saved = await api<VersionSummary>(server.url, 'POST', `/api/articles/${id}/versions`, { name: 'Before the rewrite' }, eve.auth);
    expect(saved.status).toBe(201);
    return { id, ritaClient };
  };

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    eve = await createUser(server.url, server.admin, 'eve', 'editor', 'Eve Nightdesk');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
  });

  it('puts a changed paragraph back where it is and a deleted one at its old place, keeping concurrent typing elsewhere, in the activity log', async () => {
    const { id, ritaClient } = await versionedStory('Council budget');
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive the body', () => bodyTexts(edClient.ydoc).length === 3);

    // Rita deletes the lead, rewrites the budget paragraph and adds a new lead above it.
    editStory(ritaClient.ydoc, (tr) => {
      const lead = tr.doc.child(2);
      const start = tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize;
      return tr.delete(start, start + lead.nodeSize);
    });
    editStory(ritaClient.ydoc, (tr) => tr.insertText('without any debate on the tax', rangeOf(tr.doc, 'after a long debate about the new tax').from, rangeOf(tr.doc, 'after a long debate about the new tax').to));
    editStory(ritaClient.ydoc, (tr) =>
      tr.insert(tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize, tr.doc.type.schema.nodes.paragraph!.create(null, tr.doc.type.schema.text('Breaking: a new lead.'))),
    );
    const rewritten = ['Breaking: a new lead.', 'The budget passed without any debate on the tax.', END];
    await waitFor('Ed to see the rewrite', () => bodyTexts(edClient.ydoc).join('|') === rewritten.join('|'));

    // The comparison with the current story lists the two blocks of version 1 that differ.
    expect(await restorable(ed.auth, id, 1)).toEqual([
      { block: 2, status: 'deleted', type: 'paragraph', text: LEAD },
      { block: 3, status: 'changed', type: 'paragraph', text: BUDGET },
    ]);

    // Ed is offline typing in the last paragraph while Rita restores the budget paragraph.
    edClient.provider.disconnect();
    typeAt(edClient.ydoc, (doc) => rangeOf(doc, 'in June').to, ', Ed adds');
    const replaced = await restore(rita.auth, id, 1, { block: 3 });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ change: 'replaced', at: 3, type: 'paragraph' });
    expect(replaced.body.before).toMatchObject({ number: 2, kind: 'restore', name: 'Before restoring a block of version 1', createdBy: 'rita' });
    // Stored before it was answered, and relayed to Rita's socket.
    expect(storedBody(id)).toEqual(['Breaking: a new lead.', BUDGET, END]);
    await waitFor('Rita to receive the restored paragraph', () => bodyTexts(ritaClient.ydoc)[1] === BUDGET);

    // Rita types in the new lead (connected, not waiting) while Ed reinserts the deleted lead at its old place, after the standfirst.
    typeAt(ritaClient.ydoc, (doc) => rangeOf(doc, 'Breaking').to, '!');
    const inserted = await restore(ed.auth, id, 1, { block: 2 });
    expect(inserted.status).toBe(200);
    expect(inserted.body).toMatchObject({ change: 'inserted', at: 2, before: null });
    edClient.provider.connect();
    const expected = [LEAD, 'Breaking!: a new lead.', BUDGET, 'The next meeting is in June, Ed adds.'];
    await waitFor('both clients to converge with every change kept', () => converged(ritaClient, edClient)() && bodyTexts(ritaClient.ydoc).join('|') === expected.join('|'));
    await waitFor('the merged story to be stored', () => storedBody(id).join('|') === expected.join('|'));

    // A second restore of the same block changes nothing and logs nothing.
    const again = await restore(ed.auth, id, 1, { block: 2 });
    expect(again.body).toMatchObject({ change: 'unchanged', at: 2, before: null });
    // What still differs from version 1 is Ed's typing.
    expect(await restorable(ed.auth, id, 1)).toEqual([{ block: 4, status: 'changed', type: 'paragraph', text: END }]);

    expect((await activity(id)).map(({ actor, actorName, from, to, note }) => ({ actor, actorName, from, to, note }))).toEqual([
      { actor: 'rita', actorName: 'Rita Porter', from: '1', to: 'replaced', note: `paragraph “${BUDGET}”` },
      { actor: 'ed', actorName: 'Ed Itor', from: '1', to: 'inserted', note: `paragraph “${LEAD}”` },
    ]);
  });

  it('refuses viewers, unknown versions and blocks, bad bodies, and reporters while suggesting is required (a whole restore too)', async () => {
    const { id, ritaClient } = await versionedStory('Rules');
    editStory(ritaClient.ydoc, (tr) => tr.insertText(REWRITTEN_END, rangeOf(tr.doc, END).from, rangeOf(tr.doc, END).to));
    await waitFor('the rewrite to be stored', () => storedBody(id)[2] === REWRITTEN_END);

    const viewer = await restore(vic.auth, id, 1, { block: 4 });
    expect([viewer.status, viewer.body.error?.id]).toEqual([403, 'forbidden']);
    const missingBlock = await restore(ed.auth, id, 1, { block: 5 });
    expect([missingBlock.status, missingBlock.body.error?.id]).toEqual([404, 'block_not_found']);
    const missingVersion = await restore(ed.auth, id, 9, { block: 4 });
    expect([missingVersion.status, missingVersion.body.error?.id]).toEqual([404, 'not_found']);
    expect((await restore(ed.auth, 'no-such-story', 1, { block: 4 })).status).toBe(404);
    for (const body of [{}, { block: -1 }, { block: 1.5 }, { block: '4' }]) {
      const bad = await restore(ed.auth, id, 1, body);
      expect([bad.status, bad.body.error?.id]).toEqual([400, 'validation_failed']);
    }
    expect(storedBody(id)[2]).toBe(REWRITTEN_END);
    expect(await activity(id)).toEqual([]);

    // In review with suggesting required, Rita may only suggest; Ed, an editor, may restore.
    expect((await api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'in_review' }, rita.auth)).status).toBe(200);
    expect((await api<Article>(server.url, 'PUT', `/api/articles/${id}/review`, { requireSuggestions: true }, ed.auth)).status).toBe(200);
    const suggesting = await restore(rita.auth, id, 1, { block: 4 });
    expect([suggesting.status, suggesting.body.error?.id]).toEqual([403, 'suggesting_required']);
    // Restoring the whole version is refused the same way.
    const whole = await api<{ error?: { id: string } }>(server.url, 'POST', `/api/articles/${id}/versions/1/restore`, undefined, rita.auth);
    expect([whole.status, whole.body.error?.id]).toEqual([403, 'suggesting_required']);
    expect(storedBody(id)[2]).toBe(REWRITTEN_END);
    const editor = await restore(ed.auth, id, 1, { block: 4 });
    expect(editor.body).toMatchObject({ change: 'replaced', at: 4 });
    expect(storedBody(id)[2]).toBe(END);
    expect((await activity(id)).map((entry) => entry.actor)).toEqual(['ed']);
  });

  it('names everyone in the history by display name, also people who are not the story’s creator, assignee or reviewer', async () => {
    const { id } = await versionedStory('Names');
    const listed = await api<{ versions: VersionSummary[]; names: Record<string, string> }>(server.url, 'GET', `/api/articles/${id}/versions`, undefined, ed.auth);
    expect(listed.body.versions[0]).toMatchObject({ createdBy: 'eve', editors: ['rita'] });
    expect(listed.body.names).toEqual({ eve: 'Eve Nightdesk', rita: 'Rita Porter' });
  });
});

describe('restoring one block on PostgreSQL', () => {
  const dir = tempDataDir();
  let database: TestDatabase;
  let server: RunningServer;
  let admin: Auth;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    database = await startTestDatabase();
    server = await startTestServer(dir.dataDir, { databaseUrl: database.url });
    admin = await signInAdmin(server.url);
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await database?.close();
    dir.remove();
  });

  it('stores the restored block, its version and its activity entry; a restarted server reads them back', async () => {
    const id = await createStory(server.url, 'Harbour', admin);
    const writer = connectClient(server.url, id, { auth: admin });
    clients.push(writer);
    await writer.synced;
    editStory(writer.ydoc, (tr) => {
      const paragraph = (text: string) => tr.doc.type.schema.nodes.paragraph!.create(null, tr.doc.type.schema.text(text));
      return tr.replaceWith(tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize, tr.doc.content.size, [paragraph(LEAD), paragraph(BUDGET)]);
    });
    const serverText = async () => (await fetch(`${server.url}/api/articles/${id}/export?format=text`, { headers: { cookie: admin.cookie } })).text();
    const untilServerHas = async (text: string) => {
      for (let i = 0; i < 250 && !(await serverText()).includes(text); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await serverText()).toContain(text);
    };
    await untilServerHas(BUDGET);
    expect((await api(server.url, 'POST', `/api/articles/${id}/versions`, { name: 'First' }, admin)).status).toBe(201);
    editStory(writer.ydoc, (tr) => tr.insertText('The budget passed after a short debate.', rangeOf(tr.doc, BUDGET).from, rangeOf(tr.doc, BUDGET).to));
    await untilServerHas('The budget passed after a short debate.');
    const listed = await api<{ restorable: RestorableBlock[] }>(server.url, 'GET', `/api/articles/${id}/versions/1/compare?to=current`, undefined, admin);
    expect(listed.body.restorable).toEqual([{ block: 3, status: 'changed', type: 'paragraph', text: BUDGET }]);

    const restored = await api<RestoreBlockResponse>(server.url, 'POST', `/api/articles/${id}/versions/1/blocks/restore`, { block: 3 }, admin);
    expect(restored.body).toMatchObject({ change: 'replaced', at: 3, before: { number: 2, kind: 'restore' } });
    await waitFor('the writer to receive it', () => bodyTexts(writer.ydoc).join('|') === [LEAD, BUDGET].join('|'));

    writer.destroy();
    await server.stop();
    server = await startTestServer(dir.dataDir, { databaseUrl: database.url });
    admin = await signInAdmin(server.url);
    const reader = connectClient(server.url, id, { auth: admin });
    clients.push(reader);
    await reader.synced;
    expect(bodyTexts(reader.ydoc)).toEqual([LEAD, BUDGET]);
    const entries = (await api<{ entries: ActivityEntry[] }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, admin)).body.entries;
    expect(entries.filter((entry) => entry.action === 'restore_block').map(({ from, to, note }) => ({ from, to, note }))).toEqual([
      { from: '1', to: 'replaced', note: `paragraph “${BUDGET}”` },
    ]);
    const versions = (await api<{ versions: VersionSummary[] }>(server.url, 'GET', `/api/articles/${id}/versions`, undefined, admin)).body.versions;
    // (The shutdown kept an automatic version of the restored story too.)
    expect(versions.filter((version) => version.kind !== 'auto').map((version) => version.name)).toEqual(['Before restoring a block of version 1', 'First']);
  }, 60_000);
});
