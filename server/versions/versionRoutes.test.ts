import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '../../shared/article/readArticle.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { requireSession, sessionMiddleware } from '../auth/authMiddleware.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { CommitQueue } from '../collab/CommitQueue.ts';
import { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { createArticle } from '../commands/createArticle.ts';
import { errorMiddleware } from '../http/errorMiddleware.ts';
import { createLogger } from '../log.ts';
import { ManualClock } from '../publish/ManualClock.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { SqliteArticleMembers } from '../storage/sqlite/accounts/SqliteArticleMembers.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { SqliteVersionStore } from '../storage/sqlite/versions/SqliteVersionStore.ts';
import { openVersionsTestDatabase } from '../storage/sqlite/versions/testDatabase.ts';
import { readStoredState } from '../test/readStoredState.ts';
import type { Role } from '../../shared/roles.ts';
import { AutoVersioner } from './AutoVersioner.ts';
import { versionRoutes } from './versionRoutes.ts';

const HOUR = 3_600_000;
const log = createLogger('silent');

describe('versionRoutes (real stores, real registry, HTTP on port 0)', () => {
  let close: () => void;
  let server: Server;
  let base: string;
  let registry: DocumentRegistry;
  let docStore: SqliteDocStore;
  let db: ReturnType<typeof openVersionsTestDatabase>['db'];
  let versioner: AutoVersioner;
  let articleId: string;
  const cookies: Record<string, string> = {};

  beforeEach(async () => {
    const t = openVersionsTestDatabase();
    db = t.db;
    const articleStore = new SqliteArticleStore(t.db);
    docStore = new SqliteDocStore(t.db);
    const users = new SqliteUserStore(t.db);
    const sessions = new SqliteSessionStore(t.db);
    const members = new SqliteArticleMembers(t.db);
    const versions = new SqliteVersionStore(t.db);
    const clock = new ManualClock('2024-05-01T09:00:00.000Z');
    registry = new DocumentRegistry({
      docStore,
      commits: new CommitQueue(docStore, log),
      articleStore,
      config: { compactAfterUpdates: 500, summaryDebounceMs: 10, unloadDelayMs: 10 },
      log,
    });
    versioner = new AutoVersioner({ versions, clock, timers: clock, log, docFor: (id) => registry.loaded(id)?.ydoc ?? null });
    for (const [username, role] of [['ed', 'editor'], ['vi', 'viewer']] as Array<[string, Role]>) {
      const user = await users.create({ username, displayName: username, role, passwordHash: 'h', color: '#123456', createdAt: '2024-01-01T00:00:00Z' });
      cookies[username] = `${SESSION_COOKIE}=${(await sessions.create(user.id, new Date(), HOUR)).token}`;
    }
    articleId = (await createArticle({ articleStore }, { headline: 'Council votes' })).id;

    const app = express();
    app.use(express.json());
    app.use(sessionMiddleware({ users, sessions, sessionTtlMs: HOUR }));
    app.use(requireSession);
    app.use(versionRoutes({ articleStore, registry, members, users, versions, versioner, clock }));
    app.use(errorMiddleware(log));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.close();
      versioner.stop();
      await registry.closeAll(1001);
      t.close();
    };
  });
  afterEach(() => close());

  const call = (as: string, method: string, path: string, body?: unknown) =>
    fetch(`${base}/articles/${articleId}${path}`, {
      method,
      headers: { cookie: cookies[as] ?? '', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  /** Edits the stored story the way a client's update would reach the live document. */
  async function typeIntoLive(text: string): Promise<void> {
    const live = await registry.open(articleId);
    const paragraph = live.ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement;
    const ytext = paragraph.length ? (paragraph.get(0) as Y.XmlText) : (paragraph.insert(0, [new Y.XmlText()]), paragraph.get(0) as Y.XmlText);
    live.ydoc.transact(() => ytext.insert(ytext.length, text), { kind: 'server', reason: 'test edit' });
    registry.release(articleId);
  }

  function storedParagraph(): string {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, readStoredState(db, articleId)!);
    const doc = readArticle(ydoc).doc;
    return (doc.content![2]!.content ?? []).map((node) => node.text).join('');
  }

  it('saves named versions, lists them, reads one as JSON and HTML, compares and restores; the restore is stored', async () => {
    await typeIntoLive('The council met on Tuesday.');
    const saved = await call('ed', 'POST', '/versions', { name: 'Before legal read' });
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({ number: 1, kind: 'named', name: 'Before legal read', createdBy: 'ed' });

    await typeIntoLive(' It voted.');
    expect((await call('ed', 'POST', '/versions', { name: 'After the vote' })).status).toBe(201);

    const list = await (await call('vi', 'GET', '/versions')).json();
    expect(list.versions.map((v: { number: number; name: string }) => [v.number, v.name])).toEqual([
      [2, 'After the vote'],
      [1, 'Before legal read'],
    ]);
    expect(list.versions[0]).not.toHaveProperty('state');

    const one = await (await call('vi', 'GET', '/versions/1')).json();
    expect(one.version.number).toBe(1);
    expect(one.article.doc.content[2].content[0].text).toBe('The council met on Tuesday.');
    const html = await call('vi', 'GET', '/versions/1?format=html');
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('<p>The council met on Tuesday.</p>');

    const compared = await (await call('vi', 'GET', '/versions/1/compare?to=2')).json();
    expect(compared).toMatchObject({ from: 1, to: 2, diff: { identical: false } });
    expect(compared.html).toContain('<ins>');
    const withCurrent = await (await call('vi', 'GET', '/versions/2/compare?to=current')).json();
    expect(withCurrent.diff.identical).toBe(true);

    const restored = await call('ed', 'POST', '/versions/1/restore');
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ restored: { number: 1 }, before: { number: 3, kind: 'restore' } });
    expect(storedParagraph()).toBe('The council met on Tuesday.');
    expect((await (await call('ed', 'GET', '/versions')).json()).versions).toHaveLength(3);
  });

  it('lets a viewer read but not save or restore, and answers 404 and 400 precisely', async () => {
    expect((await call('vi', 'POST', '/versions', { name: 'Mine' })).status).toBe(403);
    expect((await call('ed', 'POST', '/versions', { name: '   ' })).status).toBe(400);
    expect((await call('ed', 'POST', '/versions', { name: 'Ok' })).status).toBe(201);
    expect((await call('vi', 'POST', '/versions/1/restore')).status).toBe(403);
    const missing = await call('vi', 'GET', '/versions/9');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.id).toBe('not_found');
    expect((await call('vi', 'GET', '/versions/abc')).status).toBe(404);
    expect((await call('vi', 'GET', '/versions/1/compare?to=zero')).status).toBe(400);
    expect((await call('vi', 'GET', '/versions/1?format=pdf')).status).toBe(400);
    expect((await fetch(`${base}/articles/${articleId}/versions`)).status).toBe(401);
    expect((await fetch(`${base}/articles/nope/versions`, { headers: { cookie: cookies.vi! } })).status).toBe(404);
  });
});
