import { describe, expect, it } from 'vitest';
import type { ArticleList, ArticleSummary } from '../../shared/api.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { api, appendParagraph, connectClient, createStory, createUser, signInAdmin, startTestServer, tempDataDir, type Auth } from './helpers.ts';
import { startTestDatabase } from './support/postgres.ts';
import { useTestServer } from './testServer.ts';

const SUMMARY_DEBOUNCE_MS = 200;

async function search(baseUrl: string, query: string, auth: Auth): Promise<ArticleList> {
  const response = await api<ArticleList>(baseUrl, 'GET', `/api/articles?${query}`, undefined, auth);
  expect(response.status).toBe(200);
  return response.body;
}

const ids = (list: ArticleList) => list.articles.map((article) => article.id);
const marked = (article: ArticleSummary | undefined) => article?.match?.parts.filter((part) => part.marked).map((part) => part.text) ?? [];

describe('search across stories', () => {
  const server = useTestServer({ summaryDebounceMs: SUMMARY_DEBOUNCE_MS });

  it('finds what is typed within the summary delay, with the matched words marked in a snippet, and ranks headline matches first', async () => {
    const body = await createStory(server.url, 'Council meets on Tuesday', server.admin);
    const head = await createStory(server.url, 'Pyongyang talks resume', server.admin);
    expect(ids(await search(server.url, 'q=pyongyang', server.admin))).toEqual([head]);

    const client = connectClient(server.url, body, { auth: server.admin });
    await client.synced;
    appendParagraph(client.ydoc, 'Envoys from Pyŏngyang’s delegation spoke of <b>peace</b> & quiet.');
    const typedAt = Date.now();
    let found: ArticleList | null = null;
    while (Date.now() - typedAt < SUMMARY_DEBOUNCE_MS + 3_000) {
      found = await search(server.url, 'q=pyongyang', server.admin);
      if (found.articles.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const elapsed = Date.now() - typedAt;
    client.destroy();
    // Indexed on the summary's debounce, not per keystroke and not much later.
    expect(elapsed).toBeGreaterThanOrEqual(SUMMARY_DEBOUNCE_MS - 20);
    expect(elapsed).toBeLessThan(SUMMARY_DEBOUNCE_MS + 2_000);
    expect(ids(found!)).toEqual([head, body]);
    expect(found!.total).toBe(2);

    const hit = found!.articles[1]!;
    expect(hit.match?.field).toBe('body');
    expect(marked(hit)).toEqual(['Pyŏngyang']);
    // The snippet is the story's text as data: markup typed into it stays text.
    expect(hit.match?.parts.map((part) => part.text).join('')).toContain('<b>peace</b> & quiet.');
    expect(marked(found!.articles[0])).toEqual(['Pyongyang']);
    expect(found!.articles[0]!.match?.field).toBe('headline');

    // Prefix matching as you type, several words, diacritics and case folded.
    expect(ids(await search(server.url, 'q=PYŎNG%20deleg', server.admin))).toEqual([body]);
    expect(ids(await search(server.url, 'q=deleg%20pea', server.admin))).toEqual([body]);
    expect(ids(await search(server.url, 'q=volcano', server.admin))).toEqual([]);
    // A query without words finds nothing; no q at all is the whole list.
    expect((await search(server.url, 'q=%22*%22', server.admin)).articles).toEqual([]);
    expect(ids(await search(server.url, '', server.admin))).toEqual(expect.arrayContaining([head, body]));
  });

  it('combines with status and mine, and lets viewers search', async () => {
    const reporter = await createUser(server.url, server.admin, 'rita', 'reporter');
    const viewer = await createUser(server.url, server.admin, 'vera', 'viewer');
    const hers = await createStory(server.url, 'Harbour strike spreads', reporter.auth);
    const admins = await createStory(server.url, 'Harbour master retires', server.admin);
    const moved = await api(server.url, 'POST', `/api/articles/${admins}/transitions`, { to: 'in_review' }, server.admin);
    expect(moved.status).toBe(200);
    expect(ids(await search(server.url, 'q=harbour&sort=headline', server.admin))).toEqual([admins, hers]);
    expect(ids(await search(server.url, 'q=harbour&status=in_review', server.admin))).toEqual([admins]);
    expect(ids(await search(server.url, 'q=harbour&mine=1', reporter.auth))).toEqual([hers]);
    expect(ids(await search(server.url, 'q=harbour&sort=headline', viewer.auth))).toEqual([admins, hers]);
    expect((await api(server.url, 'GET', '/api/articles?q=harbour', undefined, null)).status).toBe(401);
    // Nothing of the desk's search is on the public site.
    const site = await api<string>(server.url, 'GET', '/site/search?q=harbour');
    expect(site.status).toBe(404);
    expect(String(site.body)).not.toContain('Harbour');
  });

  it('finds a spiked story only among the spiked, and forgets a story deleted for good', async () => {
    const id = await createStory(server.url, 'Quagmire inquiry', server.admin);
    expect((await api(server.url, 'POST', `/api/articles/${id}/spike`, {}, server.admin)).status).toBe(200);
    expect(ids(await search(server.url, 'q=quagmire', server.admin))).toEqual([]);
    expect(ids(await search(server.url, 'q=quagmire&spiked=1', server.admin))).toEqual([id]);
    expect((await api(server.url, 'DELETE', `/api/articles/${id}`, undefined, server.admin)).status).toBe(204);
    expect(ids(await search(server.url, 'q=quagmire&spiked=1', server.admin))).toEqual([]);
    const db = openDatabase(server.dataDir);
    try {
      // Its text is gone from the index, not only hidden by the list.
      expect(db.prepare('SELECT count(*) AS n FROM search_documents WHERE article_id = ?').get(id)).toEqual({ n: 0 });
      expect(db.prepare(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH '"quagmire"'`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses a query it cannot read with 400 validation_failed', async () => {
    for (const query of [`q=${'x'.repeat(201)}`, 'q=a%07b', 'q=a&q=b', 'sort=random', 'limit=0', 'limit=201', 'offset=-1', 'limit=ten']) {
      const response = await api<{ error: { id: string } }>(server.url, 'GET', `/api/articles?${query}`, undefined, server.admin);
      expect(response.status, query).toBe(400);
      expect(response.body.error.id).toBe('validation_failed');
    }
  });

  it('still finds a story after a restart', async () => {
    const id = await createStory(server.url, 'Lighthouse keeper', server.admin);
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    appendParagraph(client.ydoc, 'The lamp was lit by Ødegård at dusk.');
    let before: string[] = [];
    for (const deadline = Date.now() + 5_000; before.length === 0 && Date.now() < deadline; ) {
      before = ids(await search(server.url, 'q=odegard', server.admin));
      if (before.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(before).toEqual([id]);
    client.destroy();
    await server.restart();
    server.admin = await signInAdmin(server.url);
    expect(ids(await search(server.url, 'q=odegard%20dusk', server.admin))).toEqual([id]);
  });
});

describe('search on PostgreSQL (DATABASE_URL)', () => {
  it('finds typed words after the summary delay, headline matches first, and after a restart', async () => {
    const database = await startTestDatabase();
    const dir = tempDataDir();
    const overrides = { databaseUrl: database.url, summaryDebounceMs: SUMMARY_DEBOUNCE_MS };
    let running = await startTestServer(dir.dataDir, overrides);
    try {
      let admin = await signInAdmin(running.url);
      const body = await createStory(running.url, 'Council meets', admin);
      const head = await createStory(running.url, 'Tromsø ferry strike', admin);
      const client = connectClient(running.url, body, { auth: admin });
      await client.synced;
      appendParagraph(client.ydoc, 'The Tromso ferry is late again.');
      let found: string[] = [];
      for (const deadline = Date.now() + 5_000; found.length < 2 && Date.now() < deadline; ) {
        found = ids(await search(running.url, 'q=tromsø%20fer', admin));
        if (found.length < 2) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      client.destroy();
      expect(found).toEqual([head, body]);
      const list = await search(running.url, 'q=tromso%20ferry', admin);
      expect(marked(list.articles[1])).toEqual(['Tromso', 'ferry']);
      await running.stop();
      running = await startTestServer(dir.dataDir, overrides);
      admin = await signInAdmin(running.url);
      expect(ids(await search(running.url, 'q=late%20tromso', admin))).toEqual([body]);
    } finally {
      await running.stop();
      dir.remove();
      await database.close();
    }
  });
});

describe('search of stories written before the index', () => {
  it('indexes them when the server starts', async () => {
    const dir = tempDataDir();
    let running = await startTestServer(dir.dataDir);
    let admin = await signInAdmin(running.url);
    const id = await createStory(running.url, 'Quarry reopens', admin);
    await running.stop();
    const db = openDatabase(dir.dataDir);
    db.exec('DELETE FROM search_fts; DELETE FROM search_documents;');
    db.close();
    running = await startTestServer(dir.dataDir);
    admin = await signInAdmin(running.url);
    let found: string[] = [];
    const deadline = Date.now() + 5_000;
    while (found.length === 0 && Date.now() < deadline) {
      found = ids(await search(running.url, 'q=quarry', admin));
      if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(found).toEqual([id]);
    await running.stop();
    dir.remove();
  });
});

describe('the story list: sorting and pages', () => {
  const server = useTestServer();

  it('pages 55 stories by 50, newest change first, each once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 55; i++) created.push(await createStory(server.url, `Story ${String(i).padStart(2, '0')}`, server.admin));
    const first = await search(server.url, '', server.admin);
    expect(first.articles).toHaveLength(50);
    expect(first.total).toBe(55);
    expect(first.nextOffset).toBe(50);
    const second = await search(server.url, `offset=${first.nextOffset}`, server.admin);
    expect(second.articles).toHaveLength(5);
    expect(second.nextOffset).toBeNull();
    const all = [...ids(first), ...ids(second)];
    expect(all).toEqual([...created].reverse());
    const small = await search(server.url, 'limit=20&offset=40', server.admin);
    expect(ids(small)).toEqual(all.slice(40, 55));
    expect(small.nextOffset).toBeNull();
    expect((await search(server.url, 'limit=20&offset=20', server.admin)).nextOffset).toBe(40);
    expect((await search(server.url, 'offset=500', server.admin)).articles).toEqual([]);
  });

  it('sorts by headline (A to Z, untitled last) and by status (workflow order, newest first within one)', async () => {
    const zebra = await createStory(server.url, 'zebra crossing', server.admin);
    const apple = await createStory(server.url, 'Äpple harvest', server.admin);
    const moved = await api(server.url, 'POST', `/api/articles/${zebra}/transitions`, { to: 'in_review' }, server.admin);
    expect(moved.status).toBe(200);
    const byHeadline = (await search(server.url, 'sort=headline&limit=200', server.admin)).articles;
    expect(byHeadline[0]!.id).toBe(apple);
    expect(byHeadline.at(-1)!.id).toBe(zebra);
    const headlines = byHeadline.map((article) => article.headline);
    expect(headlines.indexOf('Story 02')).toBeLessThan(headlines.indexOf('Story 10'));
    const byStatus = (await search(server.url, 'sort=status&limit=200', server.admin)).articles;
    expect(byStatus.at(-1)!.id).toBe(zebra);
    expect(byStatus[0]!.id).toBe(apple);
    expect(byStatus.slice(0, -1).every((article) => article.status === 'draft')).toBe(true);
    const byChange = (await search(server.url, 'sort=updated&limit=2', server.admin)).articles;
    expect(byChange.map((article) => article.id)).toEqual([zebra, apple]);
  });
});

describe('the list row and search while a story is typed in without a pause', () => {
  const MAX_WAIT_MS = 1_200;
  const server = useTestServer({ summaryDebounceMs: SUMMARY_DEBOUNCE_MS, summaryMaxWaitMs: MAX_WAIT_MS });

  it('wait for a pause, or for the longest wait, not for every summary delay', async () => {
    const story = await createStory(server.url, 'Night shift', server.admin);
    const wordsInRow = async () => (await search(server.url, 'sort=updated', server.admin)).articles.find((article) => article.id === story)!.wordCount;
    const wordsBefore = await wordsInRow();
    const client = connectClient(server.url, story, { auth: server.admin });
    await client.synced;
    const typedAt = Date.now();
    appendParagraph(client.ydoc, 'Quokka sighted');
    let firstFoundAfter = Number.NaN;
    let rowChangedAfter = Number.NaN;
    // Keep typing every 80 ms (well within the summary delay) for 2.5 s.
    while (Date.now() - typedAt < 2_500) {
      appendParagraph(client.ydoc, `line ${Date.now()}`);
      if (Number.isNaN(firstFoundAfter) && (await search(server.url, 'q=quokka', server.admin)).articles.length === 1) {
        firstFoundAfter = Date.now() - typedAt;
      }
      if (Number.isNaN(rowChangedAfter) && (await wordsInRow()) !== wordsBefore) rowChangedAfter = Date.now() - typedAt;
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    // Not after the first summary delay, as if written every delay; at the longest wait.
    for (const after of [firstFoundAfter, rowChangedAfter]) {
      expect(after).toBeGreaterThanOrEqual(MAX_WAIT_MS - 50);
      expect(after).toBeLessThan(MAX_WAIT_MS + 1_000);
    }
    // Once typing pauses, the last words follow within the summary delay.
    appendParagraph(client.ydoc, 'Wombat at dawn');
    const pausedAt = Date.now();
    while ((await search(server.url, 'q=wombat', server.admin)).articles.length === 0) {
      expect(Date.now() - pausedAt).toBeLessThan(SUMMARY_DEBOUNCE_MS + 2_000);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    client.destroy();
  });
});
