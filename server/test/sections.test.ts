import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskSection } from '../../shared/sections.ts';
import type { RunningServer } from '../index.ts';
import { api, createUser, signInAdmin, startTestServer, tempDataDir, type Auth, type TestUser } from './helpers.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';

/** The section list API with every role, on one engine. */
function sectionSuite(engine: string, start: () => Promise<{ overrides: { databaseUrl?: string }; done: () => Promise<void> }>): void {
  describe(`the desk's section list over HTTP (${engine})`, () => {
    const dir = tempDataDir();
    let server: RunningServer;
    let done: () => Promise<void>;
    let admin: Auth;
    let editor: TestUser;
    let reporter: TestUser;
    let viewer: TestUser;

    beforeAll(async () => {
      const setup = await start();
      done = setup.done;
      server = await startTestServer(dir.dataDir, setup.overrides);
      admin = await signInAdmin(server.url);
      editor = await createUser(server.url, admin, 'edith', 'editor');
      reporter = await createUser(server.url, admin, 'rita', 'reporter', 'Rita Porter');
      viewer = await createUser(server.url, admin, 'vic', 'viewer');
    });
    afterAll(async () => {
      await server?.stop();
      dir.remove();
      await done?.();
    });

    const list = async (auth: Auth) => (await api<{ sections: DeskSection[] }>(server.url, 'GET', '/api/sections', undefined, auth)).body.sections.map((s) => s.name);

    it('lets admins add, rename and remove sections, and everyone signed in read them', async () => {
      const world = await api<DeskSection>(server.url, 'POST', '/api/sections', { name: '  World  ' }, admin);
      expect(world.status).toBe(201);
      expect(world.body).toEqual({ id: expect.any(Number), name: 'World', createdAt: expect.any(String) });
      const business = await api<DeskSection>(server.url, 'POST', '/api/sections', { name: 'Business' }, admin);
      for (const auth of [admin, editor.auth, reporter.auth, viewer.auth]) expect(await list(auth)).toEqual(['Business', 'World']);

      const renamed = await api<DeskSection>(server.url, 'PATCH', `/api/sections/${business.body.id}`, { name: 'Money' }, admin);
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: business.body.id, name: 'Money' });
      expect((await api(server.url, 'DELETE', `/api/sections/${world.body.id}`, undefined, admin)).status).toBe(204);
      expect(await list(reporter.auth)).toEqual(['Money']);
      expect(await api(server.url, 'GET', '/api/sections', undefined, null)).toMatchObject({ status: 401 });
    });

    it('refuses everyone but admins the changes (403), and changes nothing', async () => {
      const [section] = (await api<{ sections: DeskSection[] }>(server.url, 'GET', '/api/sections', undefined, admin)).body.sections;
      for (const auth of [editor.auth, reporter.auth, viewer.auth]) {
        expect((await api(server.url, 'POST', '/api/sections', { name: 'Sport' }, auth)).body).toMatchObject({ error: { id: 'forbidden' } });
        expect((await api(server.url, 'PATCH', `/api/sections/${section!.id}`, { name: 'Sport' }, auth)).status).toBe(403);
        expect((await api(server.url, 'DELETE', `/api/sections/${section!.id}`, undefined, auth)).status).toBe(403);
      }
      expect(await list(admin)).toEqual(['Money']);
    });

    it('answers 409 for a name taken in any case, 404 for an unknown section, 400 for an empty or unsafe name', async () => {
      const taken = await api(server.url, 'POST', '/api/sections', { name: 'MONEY' }, admin);
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ error: { id: 'section_exists' } });
      const sport = await api<DeskSection>(server.url, 'POST', '/api/sections', { name: 'Sport' }, admin);
      expect((await api(server.url, 'PATCH', `/api/sections/${sport.body.id}`, { name: 'money' }, admin)).status).toBe(409);
      for (const id of ['999999', 'abc', '-1']) {
        expect((await api(server.url, 'PATCH', `/api/sections/${id}`, { name: 'X' }, admin)).body).toMatchObject({ error: { id: 'section_not_found' } });
        expect((await api(server.url, 'DELETE', `/api/sections/${id}`, undefined, admin)).status).toBe(404);
      }
      for (const name of ['', '   ', 'x'.repeat(61), 'World\u202e', 42]) {
        const refused = await api(server.url, 'POST', '/api/sections', { name }, admin);
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: { id: 'validation_failed' } });
      }
      expect(await list(admin)).toEqual(['Money', 'Sport']);
    });

    it('lets admins alone turn free-text sections off and on; everyone reads the setting', async () => {
      const read = async (auth: Auth) => (await api<{ listOnly: boolean }>(server.url, 'GET', '/api/sections', undefined, auth)).body.listOnly;
      expect(await read(reporter.auth)).toBe(false);
      for (const auth of [editor.auth, reporter.auth]) {
        expect((await api(server.url, 'PUT', '/api/sections/settings', { listOnly: true }, auth)).status).toBe(403);
      }
      expect((await api(server.url, 'PUT', '/api/sections/settings', { listOnly: 'yes' }, admin)).status).toBe(400);
      expect((await api(server.url, 'PUT', '/api/sections/settings', { listOnly: true }, admin)).body).toEqual({ listOnly: true });
      expect(await read(reporter.auth)).toBe(true);
      await api(server.url, 'PUT', '/api/sections/settings', { listOnly: false }, admin);
      expect(await read(viewer.auth)).toBe(false);
    });

    it('gives writers the people a byline can name: username and display name only, never to viewers', async () => {
      const people = await api<{ people: Array<Record<string, unknown>> }>(server.url, 'GET', '/api/bylines/people', undefined, reporter.auth);
      expect(people.status).toBe(200);
      expect(people.body.people).toContainEqual({ username: 'rita', displayName: 'Rita Porter' });
      for (const person of people.body.people) expect(Object.keys(person).sort()).toEqual(['displayName', 'username']);
      expect((await api(server.url, 'GET', '/api/bylines/people', undefined, viewer.auth)).status).toBe(403);
    });
  });
}

sectionSuite('SQLite', async () => ({ overrides: {}, done: async () => undefined }));

let database: TestDatabase | undefined;
sectionSuite('PostgreSQL', async () => {
  database = await startTestDatabase();
  return { overrides: { databaseUrl: database.url }, done: () => database!.close() };
});
