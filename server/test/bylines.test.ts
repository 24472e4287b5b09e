import { beforeAll, describe, expect, it } from 'vitest';
import { setAuthors, setMetaText } from '../../shared/article/meta.ts';
import { api, connectClient, createStory, createUser, waitFor, type TestUser } from './helpers.ts';
import { ninjsErrors, storyWith, writeStory } from './publishingHelpers.ts';
import { useTestServer } from './testServer.ts';

interface Ninjs {
  by?: string;
  people?: Array<{ name: string; rel?: string; literal?: string }>;
}

describe('bylines naming people, over HTTP', () => {
  const server = useTestServer({ unloadDelayMs: 0, publicSiteUrl: 'https://daily.example.org' });
  let rita: TestUser;
  let id: string;

  beforeAll(async () => {
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
    id = await createStory(server.url, 'Draft', server.admin);
    await writeStory(server.url, id, server.admin, storyWith((article) => (article.meta.slug = 'Harbour closes!')));
    const client = connectClient(server.url, id, { auth: server.admin });
    try {
      await client.synced;
      setAuthors(client.ydoc, [{ name: 'Rita', username: 'rita' }, { name: 'Ed Itor' }]);
      const watcher = connectClient(server.url, id, { auth: server.admin });
      try {
        await waitFor('the byline to reach the server', () => watcher.ydoc.getMap('meta').get('byline') === 'Rita and Ed Itor');
      } finally {
        watcher.destroy();
      }
    } finally {
      client.destroy();
    }
  });

  const exported = (format: string) => api<unknown>(server.url, 'GET', `/api/articles/${id}/export?format=${format}`, undefined, server.admin);

  it('exports one author per person, account names as the directory has them now, valid ninjs', async () => {
    const first = (await exported('ninjs')).body as Ninjs;
    expect(ninjsErrors(first)).toEqual([]);
    expect(first.by).toBe('Rita Porter and Ed Itor');
    expect(first.people).toEqual([
      { name: 'Rita Porter', rel: 'author', literal: 'rita' },
      { name: 'Ed Itor', rel: 'author' },
    ]);
    const renamed = await api(server.url, 'PATCH', '/api/users/rita', { displayName: 'Rita Porter-Lane' }, server.admin);
    expect(renamed.status).toBe(200);
    expect(((await exported('ninjs')).body as Ninjs).by).toBe('Rita Porter-Lane and Ed Itor');
    const html = (await exported('html')).body as string;
    expect(html).toContain('"author":[{"@type":"Person","name":"Rita Porter-Lane"},{"@type":"Person","name":"Ed Itor"}]');
    expect(html).toContain('<p class="byline">By Rita Porter-Lane and Ed Itor</p>');
    void rita;
  });

  it('names every export download after the slug, with its extension', async () => {
    const expected: Record<string, string> = {
      html: 'harbour-closes.html',
      ninjs: 'harbour-closes.ninjs.json',
      md: 'harbour-closes.md',
      json: 'harbour-closes.json',
      text: 'harbour-closes.txt',
    };
    for (const [format, name] of Object.entries(expected)) {
      const response = await exported(format);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    }
  });

  it('warns in the publish preview when the story has no section or nobody in the byline, without blocking it', async () => {
    type Preview = { problems: unknown[]; warnings: Array<{ id: string; message: string }> };
    const preview = async () => (await api<Preview>(server.url, 'GET', `/api/articles/${id}/preview`, undefined, server.admin)).body;
    expect((await preview()).warnings).toEqual([]);
    const client = connectClient(server.url, id, { auth: server.admin });
    try {
      await client.synced;
      setAuthors(client.ydoc, []);
      setMetaText(client.ydoc, 'section', '  ');
      const watcher = connectClient(server.url, id, { auth: server.admin });
      try {
        await waitFor('the emptied meta to reach the server', () => watcher.ydoc.getMap('meta').get('section') === '  ' && watcher.ydoc.getMap('meta').get('byline') === '');
      } finally {
        watcher.destroy();
      }
    } finally {
      client.destroy();
    }
    const warned = await preview();
    expect(warned.warnings.map((w) => w.id)).toEqual(['section_missing', 'byline_missing']);
    expect(warned.problems).toEqual([]);
  });
});

