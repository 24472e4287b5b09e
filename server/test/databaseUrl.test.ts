import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ConfigError, loadConfig } from '../config.ts';
import type { RunningServer } from '../index.ts';
import * as Y from 'yjs';
import { PostgresDocStore } from '../storage/postgres/PostgresDocStore.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, signInAdmin, startTestServer, tempDataDir, waitFor } from './helpers.ts';
import { spawnServer } from './spawnServer.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';

describe('DATABASE_URL', () => {
  it('is optional (SQLite), takes postgres:// and postgresql://, and refuses anything else naming the variable, never the password', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://desk:pw@db.example:5432/copydesk' }).databaseUrl).toBe('postgres://desk:pw@db.example:5432/copydesk');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example/copydesk' }).databaseUrl).toBe('postgresql://db.example/copydesk');
    for (const bad of ['mysql://desk:hunter22@db.example/copydesk', 'not a url', 'desk:hunter22@db']) {
      let error: unknown;
      try {
        loadConfig({ DATABASE_URL: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^DATABASE_URL must be a postgres:\/\//);
      expect((error as Error).message).not.toContain('hunter22');
    }
  });

  it('a server whose database cannot be reached stops at start with a message naming DATABASE_URL, without the password', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const dir = tempDataDir();
    try {
      const failure = await spawnServer({ dataDir: dir.dataDir, env: { DATABASE_URL: `postgres://desk:hunter22@127.0.0.1:${closedPort}/copydesk` } }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/Copydesk failed to start: DATABASE_URL postgres:\/\/desk:\*\*\*@127\.0\.0\.1/);
      expect(failure).not.toContain('hunter22');
      expect(failure).not.toMatch(/\n\s+at /);
    } finally {
      dir.remove();
    }
  }, 30_000);
});

describe('a server on PostgreSQL that loses its database', () => {
  const dir = tempDataDir();
  let database: TestDatabase;
  let server: RunningServer;
  let admin: pg.Client;
  const name = () => new URL(database.url).pathname.slice(1);

  beforeAll(async () => {
    database = await startTestDatabase();
    server = await startTestServer(dir.dataDir, { databaseUrl: database.url });
    const adminUrl = new URL(database.url);
    adminUrl.pathname = '/postgres';
    admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await server?.stop();
    await database?.close();
    dir.remove();
  });

  it('answers 503 on /api/health with database down while it is gone, and 200 again once it is back', async () => {
    expect((await api(server.url, 'GET', '/api/health')).body).toEqual({ ok: true });
    await admin.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name()]);
    const down = await api(server.url, 'GET', '/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ ok: false, database: 'down' });
    await admin.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS true`);
    await expect.poll(async () => (await api(server.url, 'GET', '/api/health')).status, { timeout: 10_000 }).toBe(200);
  });

  it('relays nothing typed while the database is gone, and stores and relays all of it once it is back', async () => {
    const auth = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Outage at the desk', auth);
    const writer = connectClient(server.url, id, { auth });
    const colleague = connectClient(server.url, id, { auth });
    try {
      await Promise.all([writer.synced, colleague.synced]);
      await admin.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name()]);
      for (let i = 0; i < 5; i++) appendParagraph(writer.ydoc, `typed in the outage ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(paragraphs(colleague.ydoc).filter((text) => text.startsWith('typed in the outage'))).toEqual([]);
      await admin.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS true`);
      await waitFor('the colleague to receive everything', () => paragraphs(colleague.ydoc).filter((text) => text.startsWith('typed in the outage')).length === 5, 20_000);
      const stored = new Y.Doc();
      const pool = new pg.Pool({ connectionString: database.url });
      try {
        Y.applyUpdate(stored, (await new PostgresDocStore(pool).load(id)).state!);
      } finally {
        await pool.end();
      }
      expect(paragraphs(stored).filter((text) => text.startsWith('typed in the outage'))).toHaveLength(5);
    } finally {
      writer.destroy();
      colleague.destroy();
    }
  }, 40_000);
});
