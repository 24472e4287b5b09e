import type { Article } from '../shared/api.ts';

/** Creates a story through the REST API, as the "New story" button does; returns its id. */
export async function createStory(baseUrl: string, headline: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ headline }),
  });
  if (res.status !== 201) throw new Error(`POST /api/articles answered ${res.status}: ${await res.text()}`);
  const article = (await res.json()) as Article;
  return article.id;
}

/** Reads one story through the REST API. */
export async function getArticle(baseUrl: string, id: string): Promise<Article> {
  const res = await fetch(`${baseUrl}/api/articles/${encodeURIComponent(id)}`);
  if (!res.ok) throw new Error(`GET /api/articles/${id} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Article;
}

/** The WebSocket base URL a `WebsocketProvider` takes, from the server's HTTP URL. */
export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab`;
}
