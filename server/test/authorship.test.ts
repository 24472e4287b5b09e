import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/api.ts';
import type { StoryAuthorship } from '../../shared/authorship.ts';
import { api, createStory, createUser, type Auth, type TestClient, type TestUser } from './helpers.ts';
import { bodyTexts, editStory, rangeOf, resolveSuggestion, storyDoc, suggestReplace, typeAt } from './storyEdits.ts';
import type { Config } from '../config.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';
import { useOpenClients, useTestServer } from './testServer.ts';

/** Each block's spans as `[text, author label]` pairs: what a reader of the authorship view sees. */
function labelled(view: StoryAuthorship): Array<Array<[string, string]>> {
  const labels = new Map(view.authors.map((author) => [author.id, author.label]));
  return view.blocks.map((block) => block.spans.map((span): [string, string] => [span.text, labels.get(span.author) ?? `?${span.author}`]));
}

async function eventually<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The story's stored snapshots (1 once compacted), read straight from the server's database. */
type SnapshotCount = (dataDir: string, articleId: string) => Promise<number>;

const sqliteSnapshots: SnapshotCount = async (dataDir, articleId) => {
  const db = new Database(path.join(dataDir, 'copydesk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM doc_snapshots WHERE article_id = ?').get(articleId) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('authorship on SQLite', () => authorshipSuite({}, sqliteSnapshots));

describe('authorship on PostgreSQL', () => {
  let database: TestDatabase;
  // Filled in before the server of the suite starts (this hook is registered first, so it runs first).
  const overrides: Partial<Config> = {};
  beforeAll(async () => {
    database = await startTestDatabase();
    overrides.databaseUrl = database.url;
  });
  afterAll(() => database?.close());
  authorshipSuite(overrides, async (_dataDir, articleId) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM doc_snapshots WHERE article_id = $1', [articleId]);
      return Number(rows[0]!.n);
    } finally {
      await client.end();
    }
  });
});

function authorshipSuite(overrides: Partial<Config>, snapshots: SnapshotCount): void {
  // A short log: typing below compacts the story several times.
  const server = useTestServer(Object.assign(overrides, { compactAfterUpdates: 4 }));
  let rita: TestUser;
  let ed: TestUser;
  const { open } = useOpenClients(server);
  const authorship = async (id: string, auth: Auth = ed.auth) => {
    const response = await api<StoryAuthorship>(server.url, 'GET', `/api/articles/${id}/authorship`, undefined, auth);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Types `words` one word per update at the end of the first body paragraph. */
  const typeWords = (client: TestClient, words: string) => {
    for (const word of words.match(/\S+\s*/g) ?? []) typeAt(client.ydoc, (doc) => doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize - 1, word);
  };

  beforeAll(async () => {
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
  });

  it('names two writers in their cursor colours, an accepted suggestion, and keeps it all through compaction and a restart', async () => {
    const id = await createStory(server.url, 'Harbour reopens', rita.auth);
    const ritaClient = await open(rita.auth, id);
    typeWords(ritaClient, 'The harbour reopened on Monday. ');
    const edClient = await open(ed.auth, id);
    await eventually('Ed to receive Rita’s words', async () => bodyTexts(edClient.ydoc)[0], (text) => text === 'The harbour reopened on Monday. ');
    typeWords(edClient, 'Ferries resume next week.');

    const both = await eventually('both writers', () => authorship(id), (view) => view.blocks[2]?.spans.length === 2);
    expect(labelled(both)).toEqual([
      [['Harbour reopens', 'Headline given at creation by Rita Porter']],
      [],
      [
        ['The harbour reopened on Monday. ', 'Rita Porter'],
        ['Ferries resume next week.', 'Ed Itor'],
      ],
    ]);
    const colours = Object.fromEntries(both.authors.map((author) => [author.label, author.color]));
    expect(colours['Rita Porter']).toBe(rita.user.color);
    expect(colours['Ed Itor']).toBe(ed.user.color);
    expect(both.authors.find((author) => author.label === 'Rita Porter')).toMatchObject({ kind: 'writer', writer: { username: 'rita', name: 'Rita Porter' } });

    // Rita suggests a better word; Ed accepts it: the words stay hers, Ed is named as the one who accepted.
    suggestReplace(ritaClient.ydoc, { id: 'rita', name: 'Rita Porter', color: rita.user.color }, 'sug-1', 'Monday', 'Tuesday');
    await eventually('Ed to see the suggestion', async () => bodyTexts(edClient.ydoc)[0], (text) => text?.includes('Tuesday') === true);
    resolveSuggestion(edClient.ydoc, 'sug-1', true);
    await eventually('Rita to see it accepted', async () => storyDoc(ritaClient.ydoc).textContent, (text) => text.includes('Tuesday') && !text.includes('Monday'));
    const accepted = await eventually('the acceptance', () => authorship(id), (view) => view.authors.some((author) => author.kind === 'accepted_suggestion'));
    expect(labelled(accepted)[2]).toEqual([
      ['The harbour reopened on ', 'Rita Porter'],
      ['Tuesday', 'Suggested by Rita Porter, accepted by Ed Itor'],
      ['. ', 'Rita Porter'],
      ['Ferries resume next week.', 'Ed Itor'],
    ]);
    const suggestion = accepted.authors.find((author) => author.kind === 'accepted_suggestion')!;
    expect(suggestion).toMatchObject({ writer: { username: 'rita' }, by: { username: 'ed' }, color: rita.user.color });

    // Several compactions ran: the words' ids survived the snapshot.
    expect(await snapshots(server.dataDir, id)).toBe(1);
    for (const client of [ritaClient, edClient]) client.destroy();
    await server.restart();
    // Read from storage (nobody has the story open), then live again.
    expect(await authorship(id)).toEqual(accepted);
    const again = await open(ed.auth, id);
    typeWords(again, 'More soon.');
    const live = await eventually('the new words', () => authorship(id), (view) => view.blocks[2]!.spans.length === 4);
    expect(labelled(live)[2]!.at(-1)).toEqual(['Ferries resume next week.More soon.', 'Ed Itor']);
  });

  it('attributes an import to its importer and a restored version to whoever restored it', async () => {
    const imported = await api<Article>(server.url, 'POST', '/api/articles/import', { format: 'text', content: 'Storm warning\n\nWinds of 90 km/h tonight.' }, ed.auth);
    expect(imported.status).toBe(201);
    const id = imported.body.id;
    const view = await authorship(id, rita.auth);
    expect(labelled(view).flat()).toEqual([
      ['Storm warning', 'Imported by Ed Itor'],
      ['Winds of 90 km/h tonight.', 'Imported by Ed Itor'],
    ]);
    expect(view.authors).toEqual([
      expect.objectContaining({ kind: 'import', writer: null, by: { username: 'ed', name: 'Ed Itor' } }),
    ]);

    const edClient = await open(ed.auth, id);
    const saved = await api<{ number: number }>(server.url, 'POST', `/api/articles/${id}/versions`, { name: 'As imported' }, ed.auth);
    expect(saved.status).toBe(201);
    editStory(edClient.ydoc, (tr) => {
      const words = rangeOf(tr.doc, 'of 90 km/h ');
      return tr.delete(words.from, words.to);
    });
    await eventually('the deletion stored', () => authorship(id), (view) => labelled(view).flat().some(([text]) => text === 'Winds tonight.'));
    const restored = await api(server.url, 'POST', `/api/articles/${id}/versions/${saved.body.number}/restore`, {}, ed.auth);
    expect(restored.status).toBe(200);
    const after = await authorship(id);
    const body = labelled(after).find((spans) => spans.some(([text]) => text.includes('Winds')))!;
    expect(body.map(([text]) => text).join('')).toBe('Winds of 90 km/h tonight.');
    expect(body).toContainEqual(['of 90 km/h ', `Restored by Ed Itor (version ${saved.body.number})`]);
  });

  it('answers 404 for an unknown story and 401 without a session', async () => {
    expect((await api(server.url, 'GET', '/api/articles/nope/authorship', undefined, ed.auth)).status).toBe(404);
    expect((await api(server.url, 'GET', '/api/articles/nope/authorship')).status).toBe(401);
  });
}
