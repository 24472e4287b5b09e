import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { api, createStory, createUser, type Auth } from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { ninjsErrors, storyWith, writeStory } from './publishingHelpers.ts';

/** Everything a hostile paste or a careless editor could leave in a story. */
function hostileStory(): ArticleJson {
  return storyWith((article) => {
    article.doc.content!.push(
      { type: 'relatedLink', attrs: { href: 'javascript:alert(1)' }, content: [{ type: 'text', text: 'Click me' }] },
      { type: 'figure', attrs: { src: 'javascript:alert(2)', alt: '"><script>alert(3)</script>', credit: 'x' }, content: [] },
      { type: 'figure', attrs: { src: 'https://img.example.com/a".jpg" onerror="alert(4)', alt: 'quote', credit: 'y' }, content: [] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '<script>alert(5)</script> and ' },
          { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'JaVaScRiPt:alert(6)' } }] },
          { type: 'text', text: ' <img src=x onerror=alert(7)>' },
        ],
      },
    );
  });
}

/** Every element attribute of `html` as the browser would parse it: `tag attr=value`. */
function parsedAttributes(html: string): string[] {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const out = [...document.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => `${element.tagName.toLowerCase()} ${attribute.name}=${attribute.value}`),
  );
  void window.happyDOM.close();
  return out;
}

/** The page without its JSON-LD block, which is data (escaped), not script. */
function withoutJsonLd(html: string): string {
  return html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');
}

describe('export', () => {
  const server = useTestServer({ unloadDelayMs: 0, publicSiteUrl: 'https://daily.example.org' });
  let id: string;

  beforeAll(async () => {
    id = await createStory(server.url, 'Draft', server.admin);
    await writeStory(server.url, id, server.admin, hostileStory());
  });

  const get = (format: string, auth: Auth | null = server.admin) => api<unknown>(server.url, 'GET', `/api/articles/${id}/export?format=${format}`, undefined, auth);

  it('exports the full article page: figure caption and credit, READ MORE links, JSON-LD and Open Graph, nothing executable', async () => {
    const response = await get('html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = response.body as string;
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('North Korea sees mass exodus of foreigners due to COVID-19</h1>');
    expect(html).toMatch(/<figure[\s\S]*<img src="https:\/\/images\.example\.com\/north-korea\/railway-trolley\.jpg"[\s\S]*<figcaption>[\s\S]*Russian Ministry of Foreign Affairs[\s\S]*<\/figcaption>/);
    expect(html).toMatch(/<a href="https:\/\/elsewhere\.example\.net\/north-korea-warns-us"[^>]*>[\s\S]*READ MORE/);
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('<meta property="og:title" content="North Korea sees mass exodus of foreigners due to COVID-19">');
    expect(html).toContain('https://daily.example.org/site/world/north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19');
    expect(html).toContain('Click me');
    const markup = withoutJsonLd(html);
    expect(markup).not.toMatch(/javascript:/i);
    expect(markup).not.toMatch(/<script/i);
    const attributes = parsedAttributes(html);
    expect(attributes.filter((a) => /^\S+ on/i.test(a))).toEqual([]);
    expect(attributes.filter((a) => /^\S+ (src|href)=\s*javascript:/i.test(a))).toEqual([]);
    expect(attributes).toContain('img src=https://img.example.com/a".jpg" onerror="alert(4)');
    expect(markup).toContain('&lt;script&gt;alert(5)&lt;/script&gt;');
  });

  it('exports a ninjs 3.1 item that validates against the schema', async () => {
    const response = await get('ninjs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const item = response.body as Record<string, unknown>;
    expect(ninjsErrors(item)).toEqual([]);
    expect(item).toMatchObject({
      uri: `https://daily.example.org/copydesk/articles/${id}`,
      headlines: [{ value: 'North Korea sees mass exodus of foreigners due to COVID-19' }],
      pubStatus: 'withheld',
      slugline: 'north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19',
    });
    expect(JSON.stringify(item)).not.toMatch(/javascript:/i);
    const associations = item.associations as Array<{ type: string; rel?: string; by?: string }>;
    expect(associations.some((a) => a.type === 'picture' && a.by === 'Russian Ministry of Foreign Affairs')).toBe(true);
    expect(associations.filter((a) => a.rel === 'related').length).toBeGreaterThanOrEqual(2);
  });

  it('exports Markdown with figures and READ MORE links, plain text with a word count, and the JSON of the story', async () => {
    const md = await get('md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.body).toMatch(/^# North Korea sees mass exodus/);
    expect(md.body).toContain('](https://images.example.com/north-korea/railway-trolley.jpg');
    expect(md.body).toMatch(/READ MORE[^\n]*\]\(https:\/\/elsewhere\.example\.net\/north-korea-warns-us\)/);
    expect(md.body).not.toMatch(/\]\(javascript:/i);

    const text = await get('text');
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.body).toMatch(/^North Korea sees mass exodus/);
    expect(text.body).toMatch(/\nBody: \d+ words\n$/);

    const json = await get('json');
    expect(json.status).toBe(200);
    const article = json.body as ArticleJson;
    expect(article.meta).toEqual(fixtureArticleJson().meta);
    expect(article.doc.content![0]).toMatchObject({ type: 'headline' });
  });

  it('leaves pending suggestions out of every export', async () => {
    const suggested = await createStory(server.url, 'Suggested', server.admin);
    await writeStory(
      server.url,
      suggested,
      server.admin,
      storyWith((article) => {
        const attrs = { id: 's1', authorId: 'u1', authorName: 'Sam', color: '#c00', createdAt: '2024-05-01T09:00:00.000Z' };
        article.doc.content!.push({
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Kept text. ' },
            { type: 'text', text: 'Suggested insertion.', marks: [{ type: 'suggestionInsert', attrs }] },
          ],
        });
      }),
    );
    for (const format of ['html', 'md', 'text', 'json', 'ninjs']) {
      const response = await api<unknown>(server.url, 'GET', `/api/articles/${suggested}/export?format=${format}`, undefined, server.admin);
      expect(response.status, format).toBe(200);
      const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      expect(body, format).toContain('Kept text.');
      expect(body, format).not.toContain('Suggested insertion.');
    }
  });

  it('needs a session: readers of the public site cannot export a draft', async () => {
    for (const format of ['html', 'ninjs', 'md', 'json', 'text']) {
      const response = await get(format, null);
      expect(response.status, format).toBe(401);
      expect(JSON.stringify(response.body)).not.toContain('North Korea');
    }
    const viewer = await createUser(server.url, server.admin, 'vera', 'viewer');
    expect((await get('ninjs', viewer.auth)).status).toBe(200);
  });

  it('refuses an unknown format and an unknown story', async () => {
    const format = await get('pdf');
    expect(format.status).toBe(400);
    expect(format.body).toMatchObject({ error: { id: 'unsupported_format' } });
    const missing = await api(server.url, 'GET', '/api/articles/nope/export?format=html', undefined, server.admin);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { id: 'article_not_found' } });
  });
});
