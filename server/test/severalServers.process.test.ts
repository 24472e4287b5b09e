import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import { leaseApplicationName } from '../storage/postgres/PostgresWorkerLease.ts';
import { PostgresDocStore } from '../storage/postgres/PostgresDocStore.ts';
import { api, appendParagraph, authedWebSocket, connectClient, createStory, paragraphs, signInAdmin, tempDataDir, waitFor, type Auth, type TestClient } from './helpers.ts';
import { approve, storyWith, writeStory } from './publishingHelpers.ts';
import { spawnServer, type SpawnedServer } from './spawnServer.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';
import { startTestRedis, type TestRedis } from './support/redis.ts';

/**
 * Several Copydesk processes on one PostgreSQL database and one Redis, as in production behind
 * nginx; one of them is killed with SIGKILL while writers type.
 */
describe('several server processes on PostgreSQL and Redis', () => {
  const dir = tempDataDir();
  let database: TestDatabase;
  let redis: TestRedis;
  let pool: pg.Pool;
  const servers: SpawnedServer[] = [];
  const clients: TestClient[] = [];

  const start = async (): Promise<SpawnedServer> => {
    const server = await spawnServer({ dataDir: dir.dataDir, env: { DATABASE_URL: database.url, REDIS_URL: redis.url, UNLOAD_DELAY_MS: '60000' } });
    servers.push(server);
    return server;
  };

  /** Which of `candidates` runs the scheduler now (its lease connection names its pid). */
  const leaseHolder = async (candidates: SpawnedServer[]): Promise<SpawnedServer | null> => {
    const rows = await pool.query<{ application_name: string }>(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.objid = hashtext('publishing')::oid
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const names = rows.rows.map((row) => row.application_name);
    return candidates.find((server) => names.includes(leaseApplicationName('publishing', server.pid))) ?? null;
  };

  beforeAll(async () => {
    [database, redis] = await Promise.all([startTestDatabase(), startTestRedis()]);
    pool = new pg.Pool({ connectionString: database.url });
    pool.on('error', () => undefined);
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(servers.map((server) => server.kill('SIGKILL')));
    await pool?.end();
    await redis?.stop();
    await database?.close();
    dir.remove();
  });

  it('kill -9 of one server while its writers type: everything a peer received is in the database, and its writers go on through the other server', async () => {
    const [a, b] = [await start(), await start()];
    const admin: Auth = await signInAdmin(a.url);
    const id = await createStory(a.url, 'Power cut', admin);
    const onA = connectClient(a.url, id, { auth: admin });
    const onB = connectClient(b.url, id, { auth: admin });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);

    let typed = 0;
    const typing = setInterval(() => {
      typed++;
      appendParagraph(onA.ydoc, `A ${typed}`);
      appendParagraph(onB.ydoc, `B ${typed}`);
    }, 10);
    await waitFor('B’s writer to receive a good deal of A', () => paragraphs(onB.ydoc).filter((p) => p.startsWith('A ')).length >= 30);
    await a.kill('SIGKILL');
    // What B's writer had received from A at the moment A died (nothing more can come from it).
    const receivedFromA = paragraphs(onB.ydoc).filter((p) => p.startsWith('A '));
    clearInterval(typing);

    const stored = new Y.Doc();
    const { state } = await new PostgresDocStore(pool).load(id);
    Y.applyUpdate(stored, state!);
    const inDatabase = new Set(paragraphs(stored));
    expect(receivedFromA.filter((p) => !inDatabase.has(p))).toEqual([]);

    // A's writer reconnects to B with what it holds (its edits B never saw included) and goes on.
    const moved = new WebsocketProvider(`${b.url.replace(/^http/, 'ws')}/collab`, id, onA.ydoc, {
      WebSocketPolyfill: authedWebSocket(admin) as unknown as typeof globalThis.WebSocket,
      params: { schemaVersion: SCHEMA_VERSION },
      disableBc: true,
    });
    onA.provider.destroy();
    appendParagraph(onA.ydoc, 'A after the move');
    const sorted = (ydoc: Y.Doc) => paragraphs(ydoc).sort();
    await waitFor('both writers to hold one story', () => paragraphs(onB.ydoc).includes('A after the move') && sorted(onA.ydoc).join('|') === sorted(onB.ydoc).join('|'), 15_000);
    // Every paragraph A's writer typed, before and after the kill, reached the surviving server.
    for (let i = 1; i <= typed; i++) expect(paragraphs(onB.ydoc)).toContain(`A ${i}`);
    moved.destroy();
    await b.kill('SIGKILL');
  }, 60_000);

  it('a scheduled story is published exactly once by two servers, and still when the server running the scheduler is killed', async () => {
    const [a, b] = [await start(), await start()];
    const admin = await signInAdmin(a.url);
    const scheduled = async (slug: string, inMs: number, through: SpawnedServer): Promise<string> => {
      const id = await createStory(through.url, slug, admin);
      await writeStory(through.url, id, admin, storyWith((article) => {
        article.meta.slug = slug;
      }));
      await approve(through.url, id, admin);
      const set = await api(through.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: new Date(Date.now() + inMs).toISOString(), embargoUntil: null }, admin);
      expect(set.status).toBe(200);
      return id;
    };
    const publications = async (id: string) => (await api<{ publications: unknown[] }>(b.url, 'GET', `/api/articles/${id}/publications`, undefined, admin)).body.publications;

    let holder: SpawnedServer | null = null;
    for (let i = 0; i < 100 && holder === null; i++) {
      holder = await leaseHolder([a, b]);
      if (holder === null) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(holder).not.toBeNull();
    const other = holder === a ? b : a;

    // Set through the server that does not run the scheduler: the one that does still publishes it, once.
    const first = await scheduled('first-edition', 1_500, other);
    await expect.poll(async () => (await publications(first)).length, { timeout: 15_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await publications(first)).toHaveLength(1);

    // The scheduler's server dies before the time comes: the other takes over and publishes it.
    const second = await scheduled('late-edition', 2_000, other);
    await holder!.kill('SIGKILL');
    await expect.poll(async () => (await leaseHolder([other])) === other, { timeout: 15_000 }).toBe(true);
    const byOther = async () => (await api<{ publications: unknown[] }>(other.url, 'GET', `/api/articles/${second}/publications`, undefined, admin)).body.publications.length;
    await expect.poll(byOther, { timeout: 15_000 }).toBe(1);
    const story = await api<{ status: string }>(other.url, 'GET', `/api/articles/${second}`, undefined, admin);
    expect(story.body.status).toBe('published');
    await other.kill('SIGKILL');
  }, 90_000);
});
