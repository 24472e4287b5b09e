import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishArticle } from '../publish/publishArticle.ts';
import { fixtureWith, openTestNewsroom, type TestNewsroom } from '../publish/testPublishing.ts';
import { unpublishArticle } from '../publish/unpublishArticle.ts';
import { createSiteRouter } from './createSiteRouter.ts';

let n: TestNewsroom;
let server: Server;
let base: string;

beforeEach(async () => {
  n = openTestNewsroom();
  const app = express();
  app.use('/site', createSiteRouter({ publications: n.deps.publications, slugs: n.deps.slugs, clock: n.clock, site: n.deps.site }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  n.close();
});

const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

/** A story with no Copydesk READ MORE link, so it can be published on its own. */
function addStandalone(id: string, slug: string, status: 'approved' | 'draft' = 'approved'): void {
  n.addStory(id, status, fixtureWith((a) => {
    a.meta.slug = slug;
    a.doc.content = a.doc.content!.filter((b) => !(b.type === 'relatedLink' && String(b.attrs?.href).startsWith('/stories/')));
    a.doc.content[0] = { type: 'headline', content: [{ type: 'text', text: `Headline of ${id}` }] };
  }));
}

async function publish(id: string): Promise<void> {
  const result = await publishArticle(n.deps, { articleId: id, by: 'chief' });
  if (!result.ok) throw new Error(result.message);
}

describe('public site', () => {
  it('serves the exact published page and its ninjs, never the draft edited since', async () => {
    addStandalone('a1', 'exodus');
    await publish('a1');
    n.content.get('a1')!.doc.content![0] = { type: 'headline', content: [{ type: 'text', text: 'SECRET DRAFT HEADLINE' }] };
    const page = await get('/site/world/exodus');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toBe((await n.deps.publications.latest('a1'))!.html);
    expect(html).toContain('<h1>Headline of a1</h1>');
    expect(html).not.toContain('SECRET DRAFT');
    const ninjs = await get('/site/world/exodus.json');
    expect(ninjs.status).toBe(200);
    expect(((await ninjs.json()) as { headlines: { value: string }[] }).headlines[0]!.value).toBe('Headline of a1');
  });

  it('answers 404 for unknown addresses and for stories never published', async () => {
    addStandalone('d1', 'draft-story', 'draft');
    // A draft may hold a slug (e.g. from an earlier claim) but has no publication.
    await n.deps.slugs.claim('d1', 'world', 'draft-story', 't');
    expect((await get('/site/world/draft-story')).status).toBe(404);
    expect((await get('/site/world/draft-story.json')).status).toBe(404);
    expect((await get('/site/world/nothing')).status).toBe(404);
    expect(await (await get('/site/')).text()).not.toContain('draft-story');
  });

  it('redirects an old slug to the current one and answers 410 once unpublished', async () => {
    addStandalone('a1', 'exodus');
    await publish('a1');
    n.content.get('a1')!.meta.slug = 'mass-exodus';
    await publish('a1');
    const old = await get('/site/world/exodus');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/site/world/mass-exodus');
    expect((await get('/site/world/exodus.json')).headers.get('location')).toBe('/site/world/mass-exodus.json');
    expect((await get('/site/world/mass-exodus')).status).toBe(200);
    await unpublishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    for (const path of ['/site/world/mass-exodus', '/site/world/mass-exodus.json', '/site/world/exodus']) {
      const res = await get(path);
      expect(res.status).toBe(410);
      expect(await res.text()).not.toContain('Headline of a1');
    }
    expect(await (await get('/site/')).text()).not.toContain('Headline of a1');
    expect(await (await get('/site/feed.xml')).text()).not.toContain('Headline of a1');
  });

  it('shows nothing of an embargoed story until the embargo lifts, then everything', async () => {
    addStandalone('a1', 'exodus');
    await n.deps.schedule.set({ articleId: 'a1', publishAt: null, embargoUntil: '2024-05-01T12:00:00.000Z', setBy: 'chief', updatedAt: 't' });
    await publish('a1');
    const hidden = async () => {
      expect((await get('/site/world/exodus')).status).toBe(404);
      expect((await get('/site/world/exodus.json')).status).toBe(404);
      expect(await (await get('/site/')).text()).not.toContain('Headline of a1');
      expect(await (await get('/site/feed.xml')).text()).not.toContain('Headline of a1');
    };
    await hidden();
    n.clock.set('2024-05-01T11:59:59.999Z');
    await hidden();
    n.clock.set('2024-05-01T12:00:00.000Z');
    expect((await get('/site/world/exodus')).status).toBe(200);
    expect(await (await get('/site/')).text()).toContain('Headline of a1');
    expect(await (await get('/site/feed.xml')).text()).toContain('Headline of a1');
  });

  it('lists live stories newest first on the front page and in the Atom feed', async () => {
    addStandalone('a1', 'first');
    await publish('a1');
    n.clock.advance(60_000);
    addStandalone('a2', 'second');
    await publish('a2');
    const front = await get('/site/');
    expect(front.status).toBe(200);
    const html = await front.text();
    expect(html.indexOf('Headline of a2')).toBeGreaterThan(-1);
    expect(html.indexOf('Headline of a2')).toBeLessThan(html.indexOf('Headline of a1'));
    expect(html).toContain('href="https://news.example.com/site/world/first"');
    expect(html).not.toMatch(/<script/i);
    const feed = await get('/site/feed.xml');
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('<id>https://news.example.com/copydesk/articles/a2</id>');
    expect(xml.indexOf('Headline of a2')).toBeLessThan(xml.indexOf('Headline of a1'));
  });

  it('escapes hostile headlines on the front page', async () => {
    addStandalone('a1', 'x');
    n.content.get('a1')!.doc.content![0] = { type: 'headline', content: [{ type: 'text', text: '<script>alert(1)</script>' }] };
    await publish('a1');
    const html = await (await get('/site/')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
