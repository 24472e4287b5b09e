import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishArticle } from './publishArticle.ts';
import { fixtureWith, openTestNewsroom, type TestNewsroom } from './testPublishing.ts';
import { unpublishArticle } from './unpublishArticle.ts';

const standards = new URL('../../../shared/standards/ninjs/', import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, standards), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020();
addFormats(ajv);
ajv.addSchema(readSchema('GeoJSON-schema.json'));
const validateNinjs = ajv.compile(readSchema('ninjs-schema_3.1.json'));

const LINKED = 'north-korea-warns-us';
let n: TestNewsroom;
beforeEach(() => {
  n = openTestNewsroom();
});
afterEach(() => n.close());

async function publishLinked(): Promise<void> {
  // The fixture's READ MORE points to this story; published first, it links to itself.
  n.addStory(LINKED, 'approved', fixtureWith((a) => (a.meta.slug = 'north-korea-warns-us')));
  const result = await publishArticle(n.deps, { articleId: LINKED, by: 'editor' });
  expect(result.ok).toBe(true);
}

describe('publishArticle', () => {
  it('refuses a READ MORE link to a Copydesk story that is not published, naming it', async () => {
    n.addStory('a1');
    n.addStory(LINKED, 'draft');
    const result = await publishArticle(n.deps, { articleId: 'a1', by: 'editor' });
    expect(result).toMatchObject({ ok: false, reason: 'problems' });
    if (result.ok || result.reason !== 'problems') throw new Error('expected problems');
    expect(result.problems.map((p) => p.id)).toEqual(['read_more_unpublished']);
    expect(result.message).toContain('not published');
    expect(await n.deps.publications.latest('a1')).toBeNull();
    expect((await n.articles.get('a1'))?.status).toBe('approved');
  });

  it('refuses figures without alt text or credit, stories not approved, and unknown stories', async () => {
    await publishLinked();
    n.addStory('a1', 'approved', fixtureWith((a) => {
      const figure = a.doc.content!.find((b) => b.type === 'figure')!;
      figure.attrs = { ...figure.attrs, alt: '', credit: ' ' };
    }));
    const refused = await publishArticle(n.deps, { articleId: 'a1', by: 'editor' });
    expect(refused.ok || refused.reason !== 'problems' ? [] : refused.problems.map((p) => p.id)).toEqual(['figure_missing_alt', 'figure_missing_credit']);
    n.addStory('d1', 'in_review');
    expect(await publishArticle(n.deps, { articleId: 'd1', by: 'editor' })).toMatchObject({ ok: false, reason: 'not_approved' });
    expect(await publishArticle(n.deps, { articleId: 'nope', by: 'editor' })).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('freezes publication 1: exact page and valid ninjs, live, published, slug unique in its section, webhook queued', async () => {
    await publishLinked();
    n.addStory('a1');
    n.clock.advance(60_000);
    const result = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!result.ok) throw new Error(result.message);
    const { publication } = result;
    expect(publication).toMatchObject({
      articleId: 'a1',
      version: 1,
      publishedAt: '2024-05-01T09:01:00.000Z',
      firstPublishedAt: '2024-05-01T09:01:00.000Z',
      publishedBy: 'chief',
      section: 'world',
      // The linked story took the plain slug first.
      slug: 'north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19',
      headline: 'North Korea sees mass exodus of foreigners due to COVID-19',
    });
    expect((await n.deps.slugs.current(LINKED))?.slug).toBe('north-korea-warns-us');
    expect(validateNinjs(publication.ninjs)).toBe(true);
    expect(publication.ninjs.uri).toBe('https://news.example.com/copydesk/articles/a1');
    expect(publication.html).toMatch(/^<!DOCTYPE html>/);
    expect(publication.html).toContain('<figcaption>');
    // The READ MORE to the editor's /stories/<id> now points to that story's public page.
    expect(publication.html).toContain('href="https://news.example.com/site/world/north-korea-warns-us"');
    expect(publication.html).not.toContain('/stories/');
    const related = publication.ninjs.associations!.find((a) => a.name === 'read-more-1')!;
    expect(related).toMatchObject({ rel: 'related', uri: `https://news.example.com/copydesk/articles/${LINKED}` });
    expect((await n.deps.publications.siteState('a1'))?.state).toBe('live');
    expect((await n.articles.get('a1'))?.status).toBe('published');
    expect(result.event).toBe('publish');
    expect(result.delivery).toMatchObject({ event: 'publish', publicationId: publication.id, state: 'pending' });
    expect(JSON.parse(result.delivery!.payload)).toEqual(publication.ninjs);
  });

  it('republishes a corrected story as version 2, keeping version 1 and the old slug', async () => {
    await publishLinked();
    n.addStory('a1', 'approved', fixtureWith((a) => (a.meta.slug = 'exodus')));
    const first = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!first.ok) throw new Error(first.message);
    n.clock.advance(3_600_000);
    n.content.get('a1')!.meta.slug = 'mass-exodus';
    n.content.get('a1')!.doc.content![0] = { type: 'headline', content: [{ type: 'text', text: 'Corrected headline' }] };
    const second = await publishArticle(n.deps, { articleId: 'a1', by: 'chief', correction: 'An earlier version misnamed the embassy.' });
    if (!second.ok) throw new Error(second.message);
    expect(second.event).toBe('update');
    expect(second.publication).toMatchObject({ version: 2, slug: 'mass-exodus', firstPublishedAt: first.publication.publishedAt, correction: 'An earlier version misnamed the embassy.' });
    expect(second.publication.html).toContain('An earlier version misnamed the embassy.');
    expect(second.publication.ninjs.version).toBe('2');
    expect((await n.deps.publications.get('a1', 1))?.html).toBe(first.publication.html);
    expect((await n.deps.publications.list('a1')).map((p) => p.version)).toEqual([2, 1]);
    expect(await n.deps.slugs.resolve('world', 'exodus')).toMatchObject({ articleId: 'a1', current: false });
    expect((await n.webhooks.forArticle('a1')).map((d) => d.event)).toEqual(['update', 'publish']);
  });

  it('unpublishes: off the site, publications kept, unpublish webhook with pubStatus canceled', async () => {
    await publishLinked();
    n.addStory('a1');
    const published = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!published.ok) throw new Error(published.message);
    const result = await unpublishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!result.ok) throw new Error(result.message);
    expect((await n.deps.publications.siteState('a1'))?.state).toBe('unpublished');
    expect((await n.deps.publications.latest('a1'))?.version).toBe(1);
    const payload = JSON.parse(result.delivery!.payload) as { pubStatus: string; uri: string };
    expect(payload).toMatchObject({ pubStatus: 'canceled', uri: published.publication.ninjs.uri });
    expect(validateNinjs(payload)).toBe(true);
    expect(await unpublishArticle(n.deps, { articleId: 'a1', by: 'chief' })).toMatchObject({ ok: false, reason: 'not_live' });
    // A READ MORE to an unpublished story blocks the stories linking to it again.
    n.addStory('a2');
    n.content.get('a2')!.doc.content!.find((b) => b.type === 'relatedLink')!.attrs!.href = '/stories/a1';
    expect(await publishArticle(n.deps, { articleId: 'a2', by: 'chief' })).toMatchObject({ ok: false, reason: 'problems' });
    // Publishing again puts it back as version 2, a "publish" event.
    const again = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    expect(again).toMatchObject({ ok: true, event: 'publish', publication: { version: 2 } });
  });

  it('freezes a future embargo into the publication and the ninjs, and queues nothing without a webhook', async () => {
    n.close();
    n = openTestNewsroom({ webhooks: false });
    await publishLinked();
    n.addStory('a1');
    await n.deps.schedule.set({ articleId: 'a1', publishAt: null, embargoUntil: '2024-05-02T00:00:00.000Z', setBy: 'chief', updatedAt: 'x' });
    const result = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!result.ok) throw new Error(result.message);
    expect(result.publication.embargoUntil).toBe('2024-05-02T00:00:00.000Z');
    expect(result.publication.ninjs.embargoedUntil).toBe('2024-05-02T00:00:00.000Z');
    expect(result.delivery).toBeNull();
    expect(await n.webhooks.forArticle('a1')).toEqual([]);
  });
});

describe('previewPublication', () => {
  it('renders exactly what publishing then freezes, stores nothing, and lists the problems', async () => {
    const { previewPublication } = await import('./previewPublication.ts');
    n.addStory('a1', 'in_review');
    const blocked = await previewPublication(n.deps, { articleId: 'a1', by: 'chief' });
    if (!blocked.ok) throw new Error(blocked.message);
    expect(blocked.problems.map((p) => p.id)).toEqual(['read_more_unknown_story']);
    expect(blocked.html).toContain('<figcaption>');
    expect(await n.deps.publications.latest('a1')).toBeNull();
    expect(await n.deps.slugs.current('a1')).toBeNull();
    expect(await n.webhooks.forArticle('a1')).toEqual([]);
    expect((await n.articles.get('a1'))?.status).toBe('in_review');

    await publishLinked();
    await n.articles.setStatus('a1', 'approved', 'x');
    const preview = await previewPublication(n.deps, { articleId: 'a1', by: 'chief' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.problems).toEqual([]);
    const published = await publishArticle(n.deps, { articleId: 'a1', by: 'chief' });
    if (!published.ok) throw new Error(published.message);
    expect(published.publication.html).toBe(preview.html);
    expect(published.publication.ninjs).toEqual(preview.ninjs);
    expect(await previewPublication(n.deps, { articleId: 'zz', by: 'chief' })).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
