import { describe, expect, it } from 'vitest';
import type { Article, ArticleList } from '../../shared/api.ts';
import { api, appendParagraph, connectClient, createStory, createUser } from './helpers.ts';
import { useTestServer } from './testServer.ts';

describe('REST API', () => {
  const server = useTestServer();

  it('reports health', async () => {
    const response = await api(server.url, 'GET', '/api/health');
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('creates a story and reads it back', async () => {
    const created = await api<Article>(server.url, 'POST', '/api/articles', { headline: '  Floods hit the valley ' }, server.admin);
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(created.body).toMatchObject({
      headline: 'Floods hit the valley',
      status: 'draft',
      slug: 'floods-hit-the-valley',
      byline: '',
      tags: [],
      wordCount: 0,
      present: [],
      createdBy: { username: 'admin', displayName: 'Administrator' },
      assignees: [],
      reviewer: null,
      canEdit: true,
      allowedTransitions: [{ to: 'in_review', action: 'submit', label: 'Submit for review', note: 'optional' }],
    });
    const read = await api<Article>(server.url, 'GET', `/api/articles/${created.body.id}`, undefined, server.admin);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 404 JSON for an unknown story and an unknown route', async () => {
    const missing = await api(server.url, 'GET', '/api/articles/nope', undefined, server.admin);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { id: 'article_not_found', message: expect.any(String) } });
    const route = await api(server.url, 'GET', '/api/nothing-here', undefined, server.admin);
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ error: { id: 'not_found' } });
  });

  it('answers 400 for a malformed JSON body and for a missing headline', async () => {
    const malformed = await api(server.url, 'POST', '/api/articles', '{"headline": "oops', server.admin);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { id: 'bad_json', message: expect.any(String) } });
    const empty = await api(server.url, 'POST', '/api/articles', { headline: '   ' }, server.admin);
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { id: 'validation_failed' } });
    const tooLarge = await api(server.url, 'POST', '/api/articles', { headline: 'x'.repeat(2 * 1024 * 1024) }, server.admin);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { id: 'payload_too_large' } });
  });

  it('lists newest first, and the list follows live edits and presence', async () => {
    const older = await createStory(server.url, 'Older story', server.admin);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await createStory(server.url, 'Newer story', server.admin);
    let list = await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, server.admin);
    const ids = list.body.articles.map((article) => article.id);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(Object.keys(list.body.articles[0]!).sort()).toEqual(
      ['assignees', 'createdAt', 'createdBy', 'headline', 'id', 'present', 'reviewer', 'spikedAt', 'spikedBy', 'status', 'updatedAt', 'wordCount'].sort(),
    );

    // The cursor claims another name and colour; the list shows the account's.
    const ada = await createUser(server.url, server.admin, 'ada', 'editor', 'Ada Lovelace');
    const client = connectClient(server.url, older, { auth: ada.auth, user: { name: 'Ada', color: '#c0392b' } });
    await client.synced;
    client.ydoc.transact(() => {
      const headline = client.ydoc.getXmlFragment('default').get(0) as import('yjs').XmlElement;
      (headline.get(0) as import('yjs').XmlText).insert(0, 'Much ');
      appendParagraph(client.ydoc, 'three more words');
    });
    const deadline = Date.now() + 5_000;
    let row;
    do {
      list = await api<ArticleList>(server.url, 'GET', '/api/articles', undefined, server.admin);
      row = list.body.articles.find((article) => article.id === older)!;
    } while (row.headline !== 'Much Older story' && Date.now() < deadline);
    expect(row).toMatchObject({ headline: 'Much Older story', wordCount: 3 });
    expect(row.present).toEqual([{ name: 'Ada Lovelace', color: ada.user.color }]);
    expect(list.body.articles[0]!.id).toBe(older);
    client.destroy();
  });
});
