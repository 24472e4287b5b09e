import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/api.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { api, connectClient, createUser, paragraphs, type TestUser } from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { fixtureText } from './publishingHelpers.ts';

const HOSTILE_HTML = `<!DOCTYPE html><html><head><title>Ignored title</title><meta name="author" content="Jo Writer">
<script>window.stolen = document.cookie</script><style>p{color:red}</style></head>
<body onload="alert(1)">
<h1>Harbour <em>reopens</em> after storm</h1>
<p class="standfirst">Ships return to the harbour.</p>
<p onclick="alert(2)">The harbour <strong>reopened</strong> on Monday, <a href="javascript:alert(3)">officials</a> said,
according to <a href="https://port.example.com/notice" onmouseover="alert(4)">the notice</a>.</p>
<iframe src="https://evil.example.com"></iframe>
<figure><img src="https://images.example.com/harbour.jpg" alt="Boats in the harbour" onerror="alert(5)">
<figcaption>Boats back in the harbour. <span class="credit">Photo: Port Authority</span></figcaption></figure>
<p>READ MORE: <a href="/stories/storm-warning">Storm warning issued</a></p>
<img src="x" onerror="alert(6)">
</body></html>`;

describe('import', () => {
  const server = useTestServer({ maxBodyBytes: 64 * 1024 });
  let reporter: TestUser;

  beforeAll(async () => {
    reporter = await createUser(server.url, server.admin, 'rosa', 'reporter');
  });

  const exportJson = async (id: string) => (await api<ArticleJson>(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, server.admin)).body;

  it('imports the fixture story from plain text: headline, paragraphs and READ MORE blocks, owned by the importer', async () => {
    const created = await api<Article>(server.url, 'POST', '/api/articles/import', { format: 'text', content: fixtureText() }, reporter.auth);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/articles/${created.body.id}`);
    expect(created.body).toMatchObject({ headline: 'North Korea sees mass exodus of foreigners due to COVID-19', status: 'draft', canEdit: true });
    expect(created.body.createdBy?.username).toBe('rosa');
    expect(created.body.wordCount).toBeGreaterThan(300);

    const story = await exportJson(created.body.id);
    const readMore = story.doc.content!.filter((block) => block.type === 'relatedLink');
    expect(readMore.map((block) => block.content?.map((t) => t.text).join(''))).toEqual([
      "North Korea warns US against 'causing a stink'",
      'The countries making dubious coronavirus claims',
    ]);
    expect(JSON.stringify(story.doc)).not.toContain('READ MORE:');
    expect(story.meta.slug).toBe('north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19');
    // Without PUBLIC_SITE_URL the site is the server's own address.
    const ninjs = await api<{ uri: string }>(server.url, 'GET', `/api/articles/${created.body.id}/export?format=ninjs`, undefined, server.admin);
    expect(ninjs.body.uri).toBe(`${server.url}/copydesk/articles/${created.body.id}`);

    // The imported state is the story's first state: an editor opening it sees the same document.
    const client = connectClient(server.url, created.body.id, { auth: reporter.auth });
    await client.synced;
    expect(paragraphs(client.ydoc).some((text) => text.startsWith('The embassy said in a statement'))).toBe(true);
    client.destroy();
  });

  it('imports HTML keeping the headline, paragraphs, links and figures, dropping everything unsafe', async () => {
    const created = await api<Article>(server.url, 'POST', '/api/articles/import', { format: 'html', content: HOSTILE_HTML }, server.admin);
    expect(created.status).toBe(201);
    expect(created.body.headline).toBe('Harbour reopens after storm');
    expect(created.body.byline).toBe('Jo Writer');
    const story = await exportJson(created.body.id);
    const json = JSON.stringify(story);
    expect(json).not.toMatch(/javascript:|alert\(|onerror|onclick|onload|iframe|evil\.example|stolen|color:red/);
    expect(json).toContain('https://port.example.com/notice');
    expect(json).toContain('officials');
    const figure = story.doc.content!.find((block) => block.type === 'figure');
    expect(figure?.attrs).toMatchObject({ src: 'https://images.example.com/harbour.jpg', alt: 'Boats in the harbour' });
    expect(JSON.stringify(figure)).toContain('Boats back in the harbour.');
    expect(story.doc.content!.some((block) => block.type === 'relatedLink' && block.attrs?.href === '/stories/storm-warning')).toBe(true);

    const page = await api<string>(server.url, 'GET', `/api/articles/${created.body.id}/export?format=html`, undefined, server.admin);
    expect(page.body).toContain('<figcaption>');
    expect(page.body.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')).not.toMatch(/<script|<iframe|javascript:/i);
  });

  it('refuses empty content, an unknown format, viewers, strangers and bodies over the limit', async () => {
    const empty = await api(server.url, 'POST', '/api/articles/import', { format: 'text', content: '  \n ' }, server.admin);
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { id: 'validation_failed' } });
    expect((await api(server.url, 'POST', '/api/articles/import', { format: 'docx', content: 'x' }, server.admin)).status).toBe(400);
    const viewer = await createUser(server.url, server.admin, 'vic', 'viewer');
    expect((await api(server.url, 'POST', '/api/articles/import', { format: 'text', content: 'A story' }, viewer.auth)).status).toBe(403);
    expect((await api(server.url, 'POST', '/api/articles/import', { format: 'text', content: 'A story' }, null)).status).toBe(401);
    const huge = await api(server.url, 'POST', '/api/articles/import', { format: 'text', content: `Big\n\n${'word '.repeat(20_000)}` }, server.admin);
    expect(huge.status).toBe(413);
    const before = (await api<{ articles: unknown[] }>(server.url, 'GET', '/api/articles', undefined, server.admin)).body.articles.length;
    expect(before).toBe(2);
  });
});
