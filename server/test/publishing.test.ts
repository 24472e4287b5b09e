import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/api.ts';
import type { Publication, PublicationSummary } from '../storage/PublicationStore.ts';
import { api, createStory, createUser, type Auth, type TestUser } from './helpers.ts';
import { useTestServer } from './testServer.ts';
import { pageProblems } from '../../shared/export/test/pageProblems.ts';
import { approve, ninjsErrors, publicGet, storyWith, writeStory } from './publishingHelpers.ts';

const SITE = 'https://daily.example.org';
const HEADLINE = 'North Korea sees mass exodus of foreigners due to COVID-19';

describe('publishing over HTTP', () => {
  const server = useTestServer({ publicSiteUrl: SITE, siteName: 'The Daily Example' });
  let editor: TestUser;
  let reporter: TestUser;
  let linkedId: string;
  let mainId: string;
  let pagePath: string;

  beforeAll(async () => {
    editor = await createUser(server.url, server.admin, 'edith', 'editor');
    reporter = await createUser(server.url, server.admin, 'rita', 'reporter');
    linkedId = await createStory(server.url, 'Linked', server.admin);
    await writeStory(
      server.url,
      linkedId,
      server.admin,
      storyWith((article) => {
        article.doc.content![0] = { type: 'headline', content: [{ type: 'text', text: "North Korea warns US against 'causing a stink'" }] };
        article.meta.slug = 'north-korea-warns-us';
      }),
    );
    await approve(server.url, linkedId, server.admin);
    mainId = await createStory(server.url, 'Main', server.admin);
    await writeStory(server.url, mainId, server.admin, storyWith(() => {}, linkedId));
    await approve(server.url, mainId, server.admin);
  });

  const publish = (id: string, auth: Auth, body: unknown = {}) => api<Publication & { error?: { id: string; details?: Array<{ id: string }> } }>(server.url, 'POST', `/api/articles/${id}/publish`, body, auth);

  it('refuses a reporter (403) and a story that is not approved (409)', async () => {
    expect((await publish(mainId, reporter.auth)).status).toBe(403);
    const draft = await createStory(server.url, 'Still a draft', server.admin);
    const refused = await publish(draft, editor.auth);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { id: 'transition_not_allowed' } });
    expect((await publicGet(server.url, '/site/news/still-a-draft')).status).toBe(404);
    expect((await publish('nope', editor.auth)).status).toBe(404);
  });

  it('refuses while a READ MORE link points to a Copydesk story that is not published', async () => {
    const refused = await publish(mainId, editor.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.id).toBe('publish_blocked');
    expect(refused.body.error?.details?.map((p) => p.id)).toEqual(['read_more_unpublished']);
    const story = await api<Article>(server.url, 'GET', `/api/articles/${mainId}`, undefined, server.admin);
    expect(story.body.status).toBe('approved');
  });

  it('refuses a figure without alt text or credit', async () => {
    const id = await createStory(server.url, 'Figures', server.admin);
    await writeStory(
      server.url,
      id,
      server.admin,
      storyWith((article) => {
        article.meta.slug = 'figures';
        const figure = article.doc.content!.find((block) => block.type === 'figure')!;
        figure.attrs = { ...figure.attrs, credit: '' };
        article.doc.content!.push({ type: 'figure', attrs: { src: 'https://images.example.com/b.jpg', alt: '', credit: 'AP' }, content: [] });
      }),
    );
    await approve(server.url, id, server.admin);
    const refused = await publish(id, editor.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.details?.map((p) => p.id)).toEqual(['figure_missing_credit', 'figure_missing_alt']);
    expect((await api<{ publications: unknown[] }>(server.url, 'GET', `/api/articles/${id}/publications`, undefined, server.admin)).body.publications).toEqual([]);
  });

  it('previews the exact page without storing anything', async () => {
    const preview = await api<{ html: string; ninjs: unknown; version: number; url: { section: string; slug: string }; problems: Array<{ id: string }> }>(
      server.url,
      'GET',
      `/api/articles/${mainId}/preview`,
      undefined,
      editor.auth,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.version).toBe(1);
    expect(preview.body.url).toEqual({ section: 'world', slug: 'north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19' });
    expect(preview.body.problems.map((p) => p.id)).toEqual(['read_more_unpublished']);
    expect(preview.body.html).toContain(`${HEADLINE}</h1>`);
    expect((await api(server.url, 'GET', `/api/articles/${mainId}/preview`, undefined, reporter.auth)).status).toBe(403);
    const list = await api<{ publications: unknown[]; live: unknown }>(server.url, 'GET', `/api/articles/${mainId}/publications`, undefined, reporter.auth);
    expect(list.body).toMatchObject({ publications: [], live: null });
  });

  it('publishes: the public page shows the figure caption and the READ MORE link, the feed lists it, the ninjs validates', async () => {
    const linked = await publish(linkedId, editor.auth);
    expect(linked.status).toBe(201);
    const first = await publish(mainId, editor.auth);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, publishedBy: 'edith', section: 'world', slug: 'north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19' });
    pagePath = `/site/world/${first.body.slug}`;

    const page = await publicGet(server.url, pagePath);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain(`${HEADLINE}</h1>`);
    expect(page.text).toMatch(/<figcaption>[\s\S]*this Russian family resorted to a[\s\S]*Russian Ministry of Foreign Affairs[\s\S]*<\/figcaption>/);
    expect(page.text).toMatch(new RegExp(`<a href="${SITE}/site/world/north-korea-warns-us"[^>]*>[\\s\\S]*READ MORE`));
    expect(page.text).not.toContain(`/stories/${linkedId}`);

    const feed = await publicGet(server.url, '/site/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`<title>${HEADLINE}</title>`);
    expect(feed.text).toContain(`${SITE}${pagePath}`);
    const front = await publicGet(server.url, '/site/');
    expect(front.status).toBe(200);
    expect(front.text).toContain(HEADLINE);

    // Every page a reader or a crawler gets is valid HTML5; the article carries JSON-LD and Open Graph.
    expect(pageProblems(page.text, 'article')).toEqual([]);
    expect(pageProblems(front.text, 'page')).toEqual([]);
    expect(pageProblems((await publicGet(server.url, '/site/world/no-such-story')).text, 'page')).toEqual([]);
    const exported = await fetch(`${server.url}/api/articles/${mainId}/export?format=html`, { headers: { cookie: editor.auth.cookie } });
    expect(exported.status).toBe(200);
    expect(pageProblems(await exported.text(), 'article')).toEqual([]);

    const ninjs = await publicGet(server.url, `${pagePath}.json`);
    expect(ninjs.status).toBe(200);
    const item = JSON.parse(ninjs.text) as Record<string, unknown>;
    expect(ninjsErrors(item)).toEqual([]);
    expect(item).toMatchObject({ uri: `${SITE}/copydesk/articles/${mainId}`, pubStatus: 'usable', headlines: [{ value: HEADLINE }] });

    const story = await api<Article>(server.url, 'GET', `/api/articles/${mainId}`, undefined, server.admin);
    expect(story.body.status).toBe('published');
    expect(story.body.canEdit).toBe(true);
    const activity = await api<{ entries: Array<{ action: string; from: string | null; to: string | null; actor: string }> }>(
      server.url, 'GET', `/api/articles/${mainId}/activity`, undefined, server.admin,
    );
    expect(activity.body.entries.at(-1)).toMatchObject({ action: 'transition', from: 'approved', to: 'published', actor: 'edith' });
  });

  it('republishes a corrected story as version 2 with its correction; version 1 stays retrievable', async () => {
    await writeStory(
      server.url,
      mainId,
      server.admin,
      storyWith((article) => {
        article.doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Corrected figures from the embassy.' }] });
      }, linkedId),
    );
    const second = await publish(mainId, editor.auth, { correction: 'An earlier version misstated the number of diplomats.' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, correction: 'An earlier version misstated the number of diplomats.' });

    const list = await api<{ publications: PublicationSummary[]; live: { state: string } }>(server.url, 'GET', `/api/articles/${mainId}/publications`, undefined, reporter.auth);
    expect(list.body.publications.map((p) => p.version)).toEqual([2, 1]);
    expect(list.body.live.state).toBe('live');
    const v1 = await api<Publication>(server.url, 'GET', `/api/articles/${mainId}/publications/1`, undefined, server.admin);
    const v2 = await api<Publication>(server.url, 'GET', `/api/articles/${mainId}/publications/2`, undefined, server.admin);
    expect(v1.body.html).not.toContain('Corrected figures');
    expect(v2.body.html).toContain('Corrected figures');
    expect(v2.body.html).toContain('An earlier version misstated the number of diplomats.');
    expect(ninjsErrors(v2.body.ninjs)).toEqual([]);
    expect((await api(server.url, 'GET', `/api/articles/${mainId}/publications/3`, undefined, server.admin)).status).toBe(404);

    const page = await publicGet(server.url, pagePath);
    expect(page.text).toContain('Corrected figures from the embassy.');
    const activity = await api<{ entries: Array<{ action: string; to: string | null; note: string | null }> }>(server.url, 'GET', `/api/articles/${mainId}/activity`, undefined, server.admin);
    expect(activity.body.entries.at(-1)).toMatchObject({ action: 'publish', to: '2', note: 'An earlier version misstated the number of diplomats.' });
  });

  it('moves a story whose slug changed, and the old address redirects (301)', async () => {
    await writeStory(server.url, mainId, server.admin, storyWith((article) => { article.meta.slug = 'foreigners-leave-north-korea'; }, linkedId));
    expect((await publish(mainId, server.admin)).body.slug).toBe('foreigners-leave-north-korea');
    const old = await publicGet(server.url, pagePath);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/site/world/foreigners-leave-north-korea');
    const oldJson = await publicGet(server.url, `${pagePath}.json`);
    expect(oldJson.status).toBe(301);
    expect(oldJson.headers.get('location')).toBe('/site/world/foreigners-leave-north-korea.json');
    pagePath = '/site/world/foreigners-leave-north-korea';
    expect((await publicGet(server.url, pagePath)).status).toBe(200);
  });

  it('unpublishes: the page is gone (410) and off the feed and the front page, the publications stay', async () => {
    expect((await api(server.url, 'POST', `/api/articles/${mainId}/unpublish`, {}, reporter.auth)).status).toBe(403);
    const done = await api(server.url, 'POST', `/api/articles/${mainId}/unpublish`, {}, editor.auth);
    expect(done.status).toBe(200);
    expect((await publicGet(server.url, pagePath)).status).toBe(410);
    expect((await publicGet(server.url, `${pagePath}.json`)).status).toBe(410);
    expect((await publicGet(server.url, '/site/feed.xml')).text).not.toContain(HEADLINE);
    expect((await publicGet(server.url, '/site/')).text).not.toContain(HEADLINE);
    const again = await api(server.url, 'POST', `/api/articles/${mainId}/unpublish`, {}, editor.auth);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { id: 'not_published' } });
    const list = await api<{ publications: unknown[]; live: { state: string } }>(server.url, 'GET', `/api/articles/${mainId}/publications`, undefined, server.admin);
    expect(list.body.publications).toHaveLength(3);
    expect(list.body.live.state).toBe('unpublished');
    expect((await api(server.url, 'GET', `/api/articles/${mainId}/publications/1`, undefined, server.admin)).status).toBe(200);
    const activity = await api<{ entries: Array<{ action: string }> }>(server.url, 'GET', `/api/articles/${mainId}/activity`, undefined, server.admin);
    expect(activity.body.entries.at(-1)?.action).toBe('unpublish');
  });

  it("publishes through the workflow's published transition, refusing it with the problems", async () => {
    const id = await createStory(server.url, 'Through the workflow', server.admin);
    await writeStory(server.url, id, server.admin, storyWith((article) => { article.meta.slug = 'through-the-workflow'; }, 'no-such-story'));
    await approve(server.url, id, server.admin);
    const blocked = await api<{ error: { id: string; details: Array<{ id: string }> } }>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'published' }, editor.auth);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.id).toBe('publish_blocked');
    expect(blocked.body.error.details.map((p) => p.id)).toEqual(['read_more_unknown_story']);
    expect((await api(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'published' }, reporter.auth)).status).toBe(403);

    await writeStory(server.url, id, server.admin, storyWith((article) => { article.meta.slug = 'through-the-workflow'; }, linkedId));
    const moved = await api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'published', note: 'Cleared by legal' }, editor.auth);
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('published');
    expect((await publicGet(server.url, '/site/world/through-the-workflow')).status).toBe(200);
    const list = await api<{ publications: PublicationSummary[] }>(server.url, 'GET', `/api/articles/${id}/publications`, undefined, server.admin);
    expect(list.body.publications.map((p) => p.version)).toEqual([1]);

    // Reopening leaves the story on the site; only unpublishing takes it off.
    const reopened = await api<Article>(server.url, 'POST', `/api/articles/${id}/transitions`, { to: 'draft', note: 'One more fix' }, editor.auth);
    expect(reopened.body.status).toBe('draft');
    expect((await publicGet(server.url, '/site/world/through-the-workflow')).status).toBe(200);
  });

  it('keeps the public site public and the API private', async () => {
    expect((await publicGet(server.url, '/site/')).status).toBe(200);
    expect((await publicGet(server.url, '/site/feed.xml')).status).toBe(200);
    for (const path of [`/api/articles/${mainId}/export?format=html`, `/api/articles/${mainId}/publications`, `/api/articles/${mainId}/preview`, `/api/articles/${mainId}/schedule`]) {
      expect((await publicGet(server.url, path)).status, path).toBe(401);
    }
    const anonymous = await api(server.url, 'POST', `/api/articles/${mainId}/publish`, {}, null);
    expect([401, 403]).toContain(anonymous.status);
    expect((await publicGet(server.url, '/site/world/no-such-story')).status).toBe(404);
  });
});
