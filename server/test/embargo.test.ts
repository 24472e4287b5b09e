import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/api.ts';
import { testConfig } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';
import { ManualClock } from '../publish/ManualClock.ts';
import type { Schedule } from '../storage/PublicationStore.ts';
import { api, createStory, signInAdmin, tempDataDir, TEST_ADMIN_PASSWORD, type Auth } from './helpers.ts';
import { approve, ninjsErrors, publicGet, storyWith, writeStory } from './publishingHelpers.ts';

const HOUR = 3_600_000;

describe('embargo and schedule, with the server clock driven by the test', () => {
  const dir = tempDataDir();
  const start = Date.now();
  let clock: ManualClock;
  let server: RunningServer;
  let admin: Auth;

  const boot = async (at: number) => {
    clock = new ManualClock(new Date(at));
    server = await startServer(
      testConfig({ dataDir: dir.dataDir, adminPassword: TEST_ADMIN_PASSWORD, unloadDelayMs: 50, summaryDebounceMs: 20, publicSiteUrl: 'https://daily.example.org' }),
      { clock, timers: clock },
    );
    admin = await signInAdmin(server.url);
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const approvedStory = async (slug: string): Promise<string> => {
    const id = await createStory(server.url, slug, admin);
    await writeStory(server.url, id, admin, storyWith((article) => {
      article.meta.slug = slug;
      article.doc.content![0] = { type: 'headline', content: [{ type: 'text', text: `Headline of ${slug}` }] };
    }));
    await approve(server.url, id, admin);
    return id;
  };
  const visible = async (slug: string) => {
    const [page, json, front, feed] = await Promise.all([
      publicGet(server.url, `/site/world/${slug}`),
      publicGet(server.url, `/site/world/${slug}.json`),
      publicGet(server.url, '/site/'),
      publicGet(server.url, '/site/feed.xml'),
    ]);
    return { page: page.status, json: json.status, front: front.text.includes(`Headline of ${slug}`), feed: feed.text.includes(`Headline of ${slug}`), ninjs: json.text };
  };

  beforeAll(async () => {
    await boot(start);
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  it('shows nothing of an embargoed story (page, ninjs, front page, feed) until the embargo lifts', async () => {
    const id = await approvedStory('embargoed');
    const set = await api<{ schedule: Schedule }>(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: null, embargoUntil: iso(start + HOUR) }, admin);
    expect(set.status).toBe(200);
    expect(set.body.schedule.embargoUntil).toBe(iso(start + HOUR));
    const published = await api<{ embargoUntil: string }>(server.url, 'POST', `/api/articles/${id}/publish`, {}, admin);
    expect(published.status).toBe(201);
    expect(published.body.embargoUntil).toBe(iso(start + HOUR));

    expect(await visible('embargoed')).toMatchObject({ page: 404, json: 404, front: false, feed: false });
    clock.advance(HOUR - 1_000);
    expect(await visible('embargoed')).toMatchObject({ page: 404, json: 404, front: false, feed: false });
    clock.advance(2_000);
    const after = await visible('embargoed');
    expect(after).toMatchObject({ page: 200, json: 200, front: true, feed: true });
    const item = JSON.parse(after.ninjs) as { embargoedUntil: string };
    expect(ninjsErrors(item)).toEqual([]);
    expect(item.embargoedUntil).toBe(iso(start + HOUR));
  });

  it('publishes a scheduled story by itself when its time comes', async () => {
    const id = await approvedStory('on-time');
    const at = clock.now().getTime() + 2 * HOUR;
    const set = await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: iso(at), embargoUntil: null }, admin);
    expect(set.status).toBe(200);
    expect((await visible('on-time')).page).toBe(404);
    clock.advance(2 * HOUR - 1_000);
    expect((await visible('on-time')).page).toBe(404);
    clock.advance(1_000);
    expect(await visible('on-time')).toMatchObject({ page: 200, feed: true });
    const story = await api<Article>(server.url, 'GET', `/api/articles/${id}`, undefined, admin);
    expect(story.body.status).toBe('published');
    const schedule = await api<{ schedule: Schedule }>(server.url, 'GET', `/api/articles/${id}/schedule`, undefined, admin);
    expect(schedule.body.schedule).toMatchObject({ publishAt: null, lastError: null });
  });

  it('records why a scheduled publication was refused', async () => {
    const id = await createStory(server.url, 'never-approved', admin);
    await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: iso(clock.now().getTime() + HOUR), embargoUntil: null }, admin);
    clock.advance(HOUR);
    const schedule = await api<{ schedule: Schedule }>(server.url, 'GET', `/api/articles/${id}/schedule`, undefined, admin);
    expect(schedule.body.schedule.publishAt).toBeNull();
    expect(schedule.body.schedule.lastError).toMatch(/approved/);
  });

  it('refuses a publication time in the past and a non-date', async () => {
    const id = await createStory(server.url, 'bad-times', admin);
    const past = await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: iso(clock.now().getTime() - 1_000), embargoUntil: null }, admin);
    expect(past.status).toBe(400);
    const junk = await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: 'tomorrow-ish', embargoUntil: null }, admin);
    expect(junk.status).toBe(400);
    expect((await api(server.url, 'PUT', '/api/articles/nope/schedule', { publishAt: null, embargoUntil: null }, admin)).status).toBe(404);
  });

  it('publishes after a restart what fell due while the server was down', async () => {
    const id = await approvedStory('after-restart');
    const at = clock.now().getTime() + 3 * HOUR;
    expect((await api(server.url, 'PUT', `/api/articles/${id}/schedule`, { publishAt: iso(at), embargoUntil: null }, admin)).status).toBe(200);
    await server.stop();

    await boot(at + HOUR);
    expect(await visible('after-restart')).toMatchObject({ page: 200, json: 200, front: true, feed: true });
    const list = await api<{ publications: Array<{ version: number; publishedBy: string; publishedAt: string }> }>(
      server.url, 'GET', `/api/articles/${id}/publications`, undefined, admin,
    );
    expect(list.body.publications).toEqual([expect.objectContaining({ version: 1, publishedBy: 'admin', publishedAt: iso(at + HOUR) })]);
    const activity = await api<{ entries: Array<{ action: string; to: string | null }> }>(server.url, 'GET', `/api/articles/${id}/activity`, undefined, admin);
    expect(activity.body.entries.map((e) => e.action)).toContain('schedule');
    expect(activity.body.entries.at(-1)).toMatchObject({ action: 'transition', to: 'published' });
  });
});
