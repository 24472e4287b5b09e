import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { setMetaText, setTags } from '../../shared/article/meta.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import type { RunningServer } from '../index.ts';
import { api, connectClient, createStory, signInAdmin, startTestServer, tempDataDir, waitFor, type Auth } from './helpers.ts';

describe('export', () => {
  const dir = tempDataDir();
  let server: RunningServer;
  let id: string;
  let admin: Auth;

  beforeAll(async () => {
    server = await startTestServer(dir.dataDir, { unloadDelayMs: 0 });
    admin = await signInAdmin(server.url);
    id = await createStory(server.url, 'Draft', admin);
    const fixture = fixtureArticleJson();
    // A hostile READ MORE link and figure: they must never come out executable.
    fixture.doc.content!.push(
      { type: 'relatedLink', attrs: { href: 'javascript:alert(1)' }, content: [{ type: 'text', text: 'Click me' }] },
      { type: 'figure', attrs: { src: 'javascript:alert(2)', alt: '"><script>alert(3)</script>', credit: 'x' }, content: [] },
    );
    const client = connectClient(server.url, id, { auth: admin });
    await client.synced;
    client.ydoc.transact(() => {
      prosemirrorJSONToYXmlFragment(articleSchema, fixture.doc, client.ydoc.getXmlFragment('default'));
      setMetaText(client.ydoc, 'byline', fixture.meta.byline);
      setMetaText(client.ydoc, 'section', fixture.meta.section);
      setMetaText(client.ydoc, 'slug', fixture.meta.slug);
      setTags(client.ydoc, fixture.meta.tags);
    });
    const watcher = connectClient(server.url, id, { auth: admin });
    await waitFor('the story to reach another client', () => watcher.ydoc.getXmlFragment('default').length === fixture.doc.content!.length);
    watcher.destroy();
    client.destroy();
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  it('exports semantic, safe HTML', async () => {
    const response = await api<string>(server.url, 'GET', `/api/articles/${id}/export?format=html`, undefined, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = response.body;
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<h1>North Korea sees mass exodus of foreigners due to COVID-19</h1>');
    expect(html).toMatch(/<figure>[\s\S]*<img src="https:\/\/images\.example\.com\/north-korea\/railway-trolley\.jpg" alt="[^"]+"[\s\S]*<figcaption>[\s\S]*Russian Ministry of Foreign Affairs[\s\S]*<\/figcaption>/);
    expect(html).toMatch(/<a href="\/stories\/north-korea-warns-us">READ MORE: North Korea warns US/);
    expect(html).toContain('READ MORE: Click me');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<script/i);
  });

  it('exports the JSON of the live story and of the stored one alike', async () => {
    const live = await api<ArticleJson>(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, admin);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toMatch(/^application\/json/);
    expect(live.body.meta).toEqual(fixtureArticleJson().meta);
    expect(live.body.doc.type).toBe('doc');
    expect(live.body.doc.content![0]).toMatchObject({ type: 'headline' });
    // Once unloaded, the export reads the stored state and finds the same story.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stored = await api<ArticleJson>(server.url, 'GET', `/api/articles/${id}/export?format=json`, undefined, admin);
    expect(stored.body).toEqual(live.body);
  });

  it('refuses an unknown format and an unknown story', async () => {
    const format = await api(server.url, 'GET', `/api/articles/${id}/export?format=pdf`, undefined, admin);
    expect(format.status).toBe(400);
    expect(format.body).toMatchObject({ error: { id: 'unsupported_format' } });
    const missing = await api(server.url, 'GET', '/api/articles/nope/export?format=html', undefined, admin);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { id: 'article_not_found' } });
  });
});
