import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { readMeta, setMetaText, setTags } from '../../shared/article/meta.ts';
import { readStoredState } from './readStoredState.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  createUser,
  paragraphs,
  signInAdmin,
  startTestServer,
  tempDataDir,
  waitFor,
} from './helpers.ts';
import { useTestServer } from './testServer.ts';

describe('co-editing over y-websocket', () => {
  const server = useTestServer({ compactAfterUpdates: 20 });

  it('loads the server-written first document; the client seeds nothing', async () => {
    const id = await createStory(server.url, 'Council votes', server.admin);
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    const fragment = client.ydoc.getXmlFragment('default');
    expect(fragment.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual(['headline', 'standfirst', 'paragraph']);
    expect(fragment.get(0).toString()).toContain('Council votes');
    expect(readMeta(client.ydoc)).toEqual({ byline: '', slug: 'council-votes', section: '', tags: [] });
    client.destroy();
  });

  it('two writers typing at once converge, in the body and in meta', async () => {
    const id = await createStory(server.url, 'Two writers', server.admin);
    const ada = await createUser(server.url, server.admin, 'ada', 'editor', 'Ada');
    const bo = await createUser(server.url, server.admin, 'bo', 'reporter', 'Bo');
    await api(server.url, 'PUT', `/api/articles/${id}/assignees`, { usernames: ['bo'] }, server.admin);
    const a = connectClient(server.url, id, { auth: ada.auth, user: { name: 'Ada', color: '#f00' } });
    const b = connectClient(server.url, id, { auth: bo.auth, user: { name: 'Bo', color: '#00f' } });
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 30; i++) {
      appendParagraph(a.ydoc, `a${i}`);
      appendParagraph(b.ydoc, `b${i}`);
    }
    setMetaText(a.ydoc, 'byline', 'Ada Lovelace');
    setMetaText(b.ydoc, 'section', 'Politics');
    setTags(a.ydoc, ['floods']);
    setTags(b.ydoc, ['weather']);
    await waitFor('both documents to hold 61 paragraphs', () => paragraphs(a.ydoc).length === 61 && paragraphs(b.ydoc).length === 61);
    await waitFor('meta to converge', () => readMeta(a.ydoc).tags.length === 2 && readMeta(b.ydoc).tags.length === 2);
    expect(paragraphs(a.ydoc)).toEqual(paragraphs(b.ydoc));
    expect(Y.encodeStateVector(a.ydoc)).toEqual(Y.encodeStateVector(b.ydoc));
    expect(readMeta(a.ydoc)).toEqual(readMeta(b.ydoc));
    expect(readMeta(a.ydoc)).toMatchObject({ byline: 'Ada Lovelace', section: 'Politics' });
    expect(new Set(paragraphs(a.ydoc))).toEqual(new Set(['', ...Array.from({ length: 30 }, (_, i) => [`a${i}`, `b${i}`]).flat()]));

    // Each sees the other's named cursor state.
    await waitFor('awareness to reach both', () =>
      [...a.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Bo') &&
      [...b.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Ada'),
    );
    a.destroy();
    await waitFor("Ada's cursor to leave when her socket closes", () =>
      ![...b.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Ada'),
    );
    b.destroy();
  });

  it('serves clients that connect together while the story loads, frames in order', async () => {
    const id = await createStory(server.url, 'Rush', server.admin);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the story is not in memory
    const clients = Array.from({ length: 5 }, () => connectClient(server.url, id, { auth: server.admin }));
    // Edits made before the socket even opens (on the story as a device copy holds it) are sent
    // on connect, racing the load.
    const db = openDatabase(server.dataDir);
    const deviceCopy = readStoredState(db, id)!;
    db.close();
    clients.forEach((client, i) => {
      Y.applyUpdate(client.ydoc, deviceCopy);
      appendParagraph(client.ydoc, `early ${i}`);
    });
    await Promise.all(clients.map((client) => client.synced));
    await waitFor('every client to hold every early edit', () => clients.every((client) => paragraphs(client.ydoc).length >= 6));
    for (const client of clients) {
      // One server-written first document, not five: each client holds exactly one headline.
      expect(client.ydoc.getXmlFragment('default').toArray().filter((n) => (n as Y.XmlElement).nodeName === 'headline')).toHaveLength(1);
      expect(paragraphs(client.ydoc).sort()).toEqual(['', 'early 0', 'early 1', 'early 2', 'early 3', 'early 4']);
    }
    clients.forEach((client) => client.destroy());
  });

  it('closes with NotFound for an unknown story and creates nothing', async () => {
    const client = connectClient(server.url, 'no-such-story', { auth: server.admin });
    expect(await client.closed).toBe(CloseCode.NotFound);
    client.destroy();
    expect((await api(server.url, 'GET', '/api/articles/no-such-story', undefined, server.admin)).status).toBe(404);
    const db = openDatabase(server.dataDir);
    const rows = db.prepare("SELECT (SELECT COUNT(*) FROM doc_updates WHERE article_id = 'no-such-story') + (SELECT COUNT(*) FROM doc_snapshots WHERE article_id = 'no-such-story') AS n").get() as { n: number };
    db.close();
    expect(rows.n).toBe(0);
  });

  it('refuses another schema major and serves a client that states no version', async () => {
    const id = await createStory(server.url, 'Versions', server.admin);
    const old = connectClient(server.url, id, { auth: server.admin, schemaVersion: '0.9.0' });
    expect(await old.closed).toBe(CloseCode.SchemaMismatch);
    old.destroy();
    const bot = connectClient(server.url, id, { auth: server.admin, schemaVersion: null });
    await bot.synced;
    expect(bot.ydoc.getXmlFragment('default').length).toBe(3);
    bot.destroy();
  });

  it('compacts the update log without changing the content', async () => {
    const id = await createStory(server.url, 'Long log', server.admin);
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    for (let i = 0; i < 45; i++) appendParagraph(client.ydoc, `line ${i}`);
    const observer = connectClient(server.url, id, { auth: server.admin });
    await waitFor('the observer to hold all lines', () => paragraphs(observer.ydoc).length === 46);
    const db = openDatabase(server.dataDir);
    const logLength = () =>
      (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE article_id = ?').get(id) as { n: number }).n;
    await waitFor('a compaction', () => logLength() < 20);
    client.destroy();
    observer.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200)); // unloaded after the last client left
    const fresh = connectClient(server.url, id, { auth: server.admin });
    await fresh.synced;
    expect(paragraphs(fresh.ydoc)).toEqual(['', ...Array.from({ length: 45 }, (_, i) => `line ${i}`)]);
    fresh.destroy();
    db.close();
  });
});

describe('restart', () => {
  it('keeps content across a graceful restart on the same data folder', async () => {
    const dir = tempDataDir();
    let server = await startTestServer(dir.dataDir);
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Survives restarts', admin);
    const client = connectClient(server.url, id, { auth: admin });
    await client.synced;
    appendParagraph(client.ydoc, 'written before the restart');
    setMetaText(client.ydoc, 'byline', 'Grace');
    const watcher = connectClient(server.url, id, { auth: admin });
    await waitFor('the watcher to see the edit', () => paragraphs(watcher.ydoc).includes('written before the restart'));
    await server.stop();
    client.destroy();
    watcher.destroy();

    server = await startTestServer(dir.dataDir);
    const fresh = connectClient(server.url, id, { auth: admin });
    await fresh.synced;
    expect(paragraphs(fresh.ydoc)).toEqual(['', 'written before the restart']);
    expect(readMeta(fresh.ydoc).byline).toBe('Grace');
    const row = await api<{ byline: string }>(server.url, 'GET', `/api/articles/${id}`, undefined, admin);
    expect(row.body.byline).toBe('Grace');
    fresh.destroy();
    await server.stop();
    dir.remove();
  });
});
