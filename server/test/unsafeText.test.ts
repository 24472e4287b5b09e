import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMetaText, setTags } from '../../shared/article/meta.ts';
import { findUnsafeCharacter } from '../../shared/text/cleanText.ts';
import type { RunningServer } from '../index.ts';
import { api, connectClient, createStory, signInAdmin, startTestServer, tempDataDir, type Auth } from './helpers.ts';
import { approve, publicGet, storyWith, writeStory } from './publishingHelpers.ts';
import { typeAt } from './storyEdits.ts';
import { startTestDatabase, type TestDatabase } from './support/postgres.ts';
import { useTestServer } from './testServer.ts';

interface ListRow {
  id: string;
  headline: string;
  byline: string;
  slug: string;
  section: string;
  tags: string[];
}

const UNSAFE: Array<[string, string]> = [
  ['\u202e', 'U+202E (right-to-left override)'],
  ['\u2066', 'U+2066 (left-to-right isolate)'],
  ['\u0007', 'U+0007 (a control character)'],
  ['\u0085', 'U+0085 (a control character)'],
  ['\ud800', 'U+D800 (a lone surrogate)'],
  ['\n', 'U+000A (line feed)'],
];

describe('control and bidi-override characters', () => {
  const server = useTestServer();

  it('are refused in a new story’s headline with a message naming the character, and nothing is created', async () => {
    const before = (await api<{ articles: ListRow[] }>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles.length;
    for (const [char, label] of UNSAFE) {
      const response = await api<{ error: { id: string; message: string } }>(server.url, 'POST', '/api/articles', { headline: `Ferry${char}strike` }, server.admin);
      expect(response.status, label).toBe(400);
      expect(response.body.error.id).toBe('validation_failed');
      expect(response.body.error.message).toBe(`headline: contains ${label} at position 6: control and bidi-override characters are not allowed`);
    }
    expect((await api<{ articles: ListRow[] }>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles).toHaveLength(before);
    // Letters of any script, emoji and the marks that override nothing stay welcome.
    const fine = await api<ListRow>(server.url, 'POST', '/api/articles', { headline: 'مرحبا Grève 👩‍👩‍👧 a\u200eb' }, server.admin);
    expect(fine.status).toBe(201);
    expect(fine.body.headline).toBe('مرحبا Grève 👩‍👩‍👧 a\u200eb');
  });

  it('are refused in display names and usernames, when an account is made and when it is renamed', async () => {
    const account = { username: 'rtl.test', password: 'a long enough passphrase 42', role: 'reporter' };
    for (const [char, label] of UNSAFE) {
      const created = await api<{ error: { id: string; message: string } }>(server.url, 'POST', '/api/users', { ...account, displayName: `Ana${char}Ng` }, server.admin);
      expect(created.status, label).toBe(400);
      expect(created.body.error.message).toContain(`displayName: contains ${label}`);
      const named = await api(server.url, 'POST', '/api/users', { ...account, username: `ana${char}ng`, displayName: 'Ana Ng' }, server.admin);
      expect(named.status, label).toBe(400);
    }
    const ana = await api<{ username: string }>(server.url, 'POST', '/api/users', { ...account, displayName: 'Ana Ng' }, server.admin);
    expect(ana.status).toBe(201);
    const renamed = await api<{ error: { message: string } }>(server.url, 'PATCH', '/api/users/rtl.test', { displayName: 'Ana\u202egN' }, server.admin);
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.message).toContain('displayName: contains U+202E (right-to-left override) at position 4');
    const people = await api<{ users: Array<{ username: string; displayName: string }> }>(server.url, 'GET', '/api/users', undefined, server.admin);
    expect(people.body.users.find((user) => user.username === 'rtl.test')?.displayName).toBe('Ana Ng');
  });

  it('are stripped from what a story’s document carries into the story list: headline, slug, section, tags, byline', async () => {
    const id = await createStory(server.url, 'Ferry strike', server.admin);
    const client = connectClient(server.url, id, { auth: server.admin });
    try {
      await client.synced;
      // Any client may type anything into the document: the list shows it without the unsafe characters.
      typeAt(client.ydoc, () => 'Ferry strike'.length + 1, ' \u202eends\u0000 today\u2069');
      client.ydoc.transact(() => {
        setMetaText(client.ydoc, 'slug', 'ferry\u0000-strike\u202e');
        setMetaText(client.ydoc, 'section', 'news\u0007\u2066');
        setMetaText(client.ydoc, 'byline', 'Ada\u202e Lovelace\n');
        setTags(client.ydoc, ['ferries\u0000', 'ferries', 'strikes\u202e', '\u2067', 'ports\tand harbours']);
      });
      // The story's row (GET /api/articles/:id presents it) follows the document within the summary debounce.
      let row: ListRow | undefined;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        row = (await api<ListRow>(server.url, 'GET', `/api/articles/${id}`, undefined, server.admin)).body;
        if (row.headline.endsWith('today') && row.tags.length === 3) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(row).toMatchObject({
        headline: 'Ferry strike ends today',
        slug: 'ferry-strike',
        section: 'news',
        byline: 'Ada Lovelace ',
        tags: ['ferries', 'strikes', 'ports and harbours'],
      });
      const list = await api<{ articles: ListRow[] }>(server.url, 'GET', '/api/articles', undefined, server.admin);
      expect(list.body.articles.find((article) => article.id === id)?.headline).toBe('Ferry strike ends today');
    } finally {
      client.destroy();
    }
  });

  it('are stripped from an imported story’s row', async () => {
    const html = '<html><head><title>Storm\u202e warning</title><meta property="article:section" content="wea\u2066ther"><meta property="article:tag" content="storm\u0007s"></head><body><p>Rain.</p></body></html>';
    const imported = await api<ListRow>(server.url, 'POST', '/api/articles/import', { format: 'html', content: html }, server.admin);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ headline: 'Storm warning', section: 'weather', tags: ['storms'] });
  });
});

describe('control and bidi-override characters on PostgreSQL, which refuses NUL in text', () => {
  const dir = tempDataDir();
  let database: TestDatabase;
  let server: RunningServer;
  let admin: Auth;

  beforeAll(async () => {
    database = await startTestDatabase();
    server = await startTestServer(dir.dataDir, { databaseUrl: database.url });
    admin = await signInAdmin(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    dir.remove();
  });

  it('a story whose document holds them updates its row, publishes, and its page and ninjs hold none of them', async () => {
    const id = await createStory(server.url, 'Ferry strike', admin);
    await writeStory(
      server.url,
      id,
      admin,
      storyWith((article) => {
        const headline = article.doc.content!.find((block) => block.type === 'headline')!;
        headline.content = [{ type: 'text', text: 'Ferry\u0000 strike\u202e ends' }];
        const paragraph = article.doc.content!.find((block) => block.type === 'paragraph')!;
        paragraph.content = [{ type: 'text', text: 'Crossings\u0000 resume\u2066 at dawn.' }];
        const figure = article.doc.content!.find((block) => block.type === 'figure');
        if (figure) figure.attrs = { ...figure.attrs, alt: 'Quay\u0000', credit: 'AP\u202e' };
        article.meta.byline = 'Ada\u0000 Lovelace';
        article.meta.section = 'news\u0007';
        article.meta.slug = 'ferry-strike\u0000';
        article.meta.tags = ['ferries\u0000', 'strikes\u202e'];
      }),
    );
    let row: ListRow | undefined;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      row = (await api<ListRow>(server.url, 'GET', `/api/articles/${id}`, undefined, admin)).body;
      if (row.headline === 'Ferry strike ends' && row.tags.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(row).toMatchObject({ headline: 'Ferry strike ends', byline: 'Ada Lovelace', section: 'news', slug: 'ferry-strike', tags: ['ferries', 'strikes'] });

    await approve(server.url, id, admin);
    const published = await api<{ url: string; error?: unknown }>(server.url, 'POST', `/api/articles/${id}/publish`, {}, admin);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const page = await publicGet(server.url, '/site/news/ferry-strike');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Crossings resume at dawn.');
    expect(findUnsafeCharacter(page.text, 'text')).toBeNull();
    const ninjs = await publicGet(server.url, '/site/news/ferry-strike.json');
    expect(ninjs.status).toBe(200);
    expect(findUnsafeCharacter(JSON.stringify(JSON.parse(ninjs.text)), 'text')).toBeNull();
    expect(ninjs.text).toContain('"Ferry strike ends"');
    expect(ninjs.text).toContain('Ada Lovelace');
  });
});
