import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishArticle } from './publishArticle.ts';
import { fixtureWith, openTestNewsroom, type TestNewsroom } from './testPublishing.ts';
import { unpublishArticle } from './unpublishArticle.ts';

let n: TestNewsroom;
beforeEach(() => {
  n = openTestNewsroom();
});
afterEach(() => n.close());

describe('publishing and spiking', () => {
  it('never publishes a spiked story (the scheduler publishes through the same check), and publishes it once restored', async () => {
    n.addStory('s1', 'approved', fixtureWith((a) => (a.doc.content = a.doc.content!.filter((block) => block.type !== 'relatedLink'))));
    await n.articles.setSpiked('s1', { at: '2024-05-01T09:00:00.000Z', by: 'ed' });
    const refused = await publishArticle(n.deps, { articleId: 's1', by: 'scheduler' });
    expect(refused).toMatchObject({ ok: false, reason: 'spiked' });
    expect(await n.deps.publications.latest('s1')).toBeNull();
    expect((await n.articles.get('s1'))?.status).toBe('approved');

    await n.articles.setSpiked('s1', null);
    expect((await publishArticle(n.deps, { articleId: 's1', by: 'ed' })).ok).toBe(true);
    expect((await n.articles.get('s1'))?.status).toBe('published');
  });

  it('moves a published story back to approved when it is unpublished; a story reopened meanwhile keeps its status', async () => {
    const noLinks = fixtureWith((a) => (a.doc.content = a.doc.content!.filter((block) => block.type !== 'relatedLink')));
    n.addStory('p1', 'approved', noLinks);
    expect((await publishArticle(n.deps, { articleId: 'p1', by: 'ed' })).ok).toBe(true);
    expect((await unpublishArticle(n.deps, { articleId: 'p1', by: 'ed', status: 'published' })).ok).toBe(true);
    expect((await n.articles.get('p1'))?.status).toBe('approved');

    n.addStory('p2', 'approved', noLinks);
    expect((await publishArticle(n.deps, { articleId: 'p2', by: 'ed' })).ok).toBe(true);
    await n.articles.setStatus('p2', 'draft', '2024-05-01T10:00:00.000Z');
    expect((await unpublishArticle(n.deps, { articleId: 'p2', by: 'ed', status: 'draft' })).ok).toBe(true);
    expect((await n.articles.get('p2'))?.status).toBe('draft');
  });
});
