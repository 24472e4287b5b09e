import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewPublication } from '../../PublicationStore.ts';
import { SqlitePublicationStore } from './SqlitePublicationStore.ts';
import { SqliteScheduleStore } from './SqliteScheduleStore.ts';
import { SqliteSlugStore } from './SqliteSlugStore.ts';
import { SqliteWebhookDeliveryStore } from './SqliteWebhookDeliveryStore.ts';
import { insertTestArticle, openPublishingTestDatabase } from './testDatabase.ts';

let t: ReturnType<typeof openPublishingTestDatabase>;
beforeEach(() => {
  t = openPublishingTestDatabase();
  for (const id of ['a', 'b', 'c']) insertTestArticle(t.db, id);
});
afterEach(() => t.close());

const publication = (articleId: string, version: number, over: Partial<NewPublication> = {}): NewPublication => ({
  articleId,
  version,
  publishedAt: `2024-05-0${version}T10:00:00.000Z`,
  publishedBy: 'editor',
  section: 'world',
  slug: `story-${articleId}`,
  headline: `Headline ${articleId} v${version}`,
  standfirst: 'Standfirst',
  byline: 'Desk',
  tags: ['x'],
  firstPublishedAt: '2024-05-01T10:00:00.000Z',
  embargoUntil: null,
  correction: null,
  html: `<!DOCTYPE html><p>${articleId} ${version}</p>`,
  ninjs: { uri: `https://x.test/${articleId}` } as NewPublication['ninjs'],
  ...over,
});

describe('SqlitePublicationStore', () => {
  it('keeps every version, returns the latest, and refuses changes and duplicates', async () => {
    const store = new SqlitePublicationStore(t.db);
    await store.insert(publication('a', 1));
    const second = await store.insert(publication('a', 2, { correction: 'Fixed a name.' }));
    expect(await store.latest('a')).toEqual(second);
    expect((await store.get('a', 1))?.html).toBe('<!DOCTYPE html><p>a 1</p>');
    expect((await store.get('a', 1))?.ninjs).toEqual({ uri: 'https://x.test/a' });
    expect((await store.list('a')).map((p) => [p.version, p.correction])).toEqual([
      [2, 'Fixed a name.'],
      [1, null],
    ]);
    expect((await store.list('a'))[0]).not.toHaveProperty('html');
    await expect(store.insert(publication('a', 2))).rejects.toThrow(/UNIQUE/);
    expect(() => t.db.prepare("UPDATE publications SET html = 'x'").run()).toThrow(/immutable/);
    expect(() => t.db.prepare('DELETE FROM publications').run()).toThrow(/immutable/);
    expect(await store.latest('b')).toBeNull();
  });

  it('lists only the latest publication of live stories whose embargo has lifted', async () => {
    const store = new SqlitePublicationStore(t.db);
    await store.insert(publication('a', 1));
    await store.insert(publication('a', 2));
    await store.insert(publication('b', 1, { embargoUntil: '2024-06-01T00:00:00.000Z' }));
    await store.insert(publication('c', 3, { publishedAt: '2024-05-09T00:00:00.000Z' }));
    for (const articleId of ['a', 'b', 'c']) await store.setSiteState({ articleId, state: 'live', changedAt: 'x', changedBy: 'editor' });
    const visible = async (now: string) => (await store.visible(now, 10)).map((p) => `${p.articleId}${p.version}`);
    expect(await visible('2024-05-20T00:00:00.000Z')).toEqual(['c3', 'a2']);
    expect(await visible('2024-06-01T00:00:00.000Z')).toEqual(['c3', 'a2', 'b1']);
    await store.setSiteState({ articleId: 'c', state: 'unpublished', changedAt: 'y', changedBy: 'chief' });
    expect(await visible('2024-06-01T00:00:00.000Z')).toEqual(['a2', 'b1']);
    expect(await store.siteState('c')).toEqual({ articleId: 'c', state: 'unpublished', changedAt: 'y', changedBy: 'chief' });
    expect(await store.visible('2024-06-01T00:00:00.000Z', 1)).toHaveLength(1);
  });
});

describe('SqliteSlugStore', () => {
  it('gives each story a unique address per section and keeps old ones for redirects', async () => {
    const slugs = new SqliteSlugStore(t.db);
    expect(await slugs.claim('a', 'world', 'exodus', 't1')).toEqual({ articleId: 'a', section: 'world', slug: 'exodus', current: true });
    expect((await slugs.claim('a', 'world', 'exodus', 't2')).slug).toBe('exodus');
    expect((await slugs.claim('b', 'world', 'exodus', 't2')).slug).toBe('exodus-2');
    expect((await slugs.claim('c', 'asia', 'exodus', 't2')).slug).toBe('exodus');
    expect((await slugs.claim('a', 'world', 'mass-exodus', 't3')).slug).toBe('mass-exodus');
    expect(await slugs.resolve('world', 'exodus')).toEqual({ articleId: 'a', section: 'world', slug: 'exodus', current: false });
    expect((await slugs.current('a'))?.slug).toBe('mass-exodus');
    // An old address of another story is never given away.
    expect((await slugs.claim('c', 'world', 'exodus', 't4')).slug).toBe('exodus-3');
    // Going back to its own old address revives it.
    expect(await slugs.claim('a', 'world', 'exodus', 't5')).toMatchObject({ slug: 'exodus', current: true });
    expect((await slugs.resolve('world', 'mass-exodus'))?.current).toBe(false);
    expect(await slugs.resolve('world', 'nothing')).toBeNull();
  });
});

describe('SqliteScheduleStore', () => {
  it('finds due schedules and clears them when done or failed', async () => {
    const schedule = new SqliteScheduleStore(t.db);
    await schedule.set({ articleId: 'a', publishAt: '2024-05-01T12:00:00.000Z', embargoUntil: null, setBy: 'ed', updatedAt: 't' });
    await schedule.set({ articleId: 'b', publishAt: '2024-05-01T09:00:00.000Z', embargoUntil: '2024-05-02T00:00:00.000Z', setBy: 'ed', updatedAt: 't' });
    expect(await schedule.nextPublishAt()).toBe('2024-05-01T09:00:00.000Z');
    expect((await schedule.due('2024-05-01T10:00:00.000Z')).map((s) => s.articleId)).toEqual(['b']);
    expect((await schedule.due('2024-05-01T12:00:00.000Z')).map((s) => s.articleId)).toEqual(['b', 'a']);
    await schedule.finish('b', 'READ MORE points to an unpublished story', 't2');
    expect(await schedule.get('b')).toMatchObject({ publishAt: null, embargoUntil: '2024-05-02T00:00:00.000Z', lastError: 'READ MORE points to an unpublished story' });
    expect(await schedule.nextPublishAt()).toBe('2024-05-01T12:00:00.000Z');
    await schedule.finish('a', null, 't3');
    expect(await schedule.nextPublishAt()).toBeNull();
  });
});

describe('SqliteWebhookDeliveryStore', () => {
  it('queues deliveries, records attempts and gives up when told', async () => {
    const deliveries = new SqliteWebhookDeliveryStore(t.db);
    const first = await deliveries.enqueue({ articleId: 'a', publicationId: null, event: 'publish', payload: '{"a":1}', createdAt: '2024-05-01T10:00:00.000Z' });
    const second = await deliveries.enqueue({ articleId: 'a', publicationId: null, event: 'unpublish', payload: '{}', createdAt: '2024-05-01T10:00:01.000Z' });
    expect(first).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: '2024-05-01T10:00:00.000Z' });
    expect((await deliveries.due('2024-05-01T10:00:00.500Z', 10)).map((d) => d.id)).toEqual([first.id]);
    await deliveries.markFailed(first.id, { status: 500, error: 'HTTP 500', nextAttemptAt: '2024-05-01T10:00:05.000Z' });
    expect(await deliveries.get(first.id)).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(await deliveries.nextAttemptAt()).toBe('2024-05-01T10:00:01.000Z');
    await deliveries.markDelivered(second.id, 204, '2024-05-01T10:00:02.000Z');
    expect(await deliveries.get(second.id)).toMatchObject({ state: 'delivered', attempts: 1, deliveredAt: '2024-05-01T10:00:02.000Z' });
    await deliveries.markFailed(first.id, { status: null, error: 'connection refused', nextAttemptAt: null });
    expect(await deliveries.get(first.id)).toMatchObject({ state: 'failed', attempts: 2, lastStatus: null });
    expect(await deliveries.nextAttemptAt()).toBeNull();
    expect((await deliveries.forArticle('a')).map((d) => d.event)).toEqual(['unpublish', 'publish']);
  });
});
