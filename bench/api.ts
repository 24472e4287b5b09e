import type { Article } from '../shared/api.ts';

/** The `name=value` session cookie to send with requests, or null when the server has no accounts. */
export type SessionCookie = string | null;

function headers(cookie: SessionCookie, json = false): Record<string, string> {
  return { ...(cookie ? { cookie } : {}), ...(json ? { 'content-type': 'application/json' } : {}) };
}

/** Signs in through POST /api/session; returns the session cookie (null when the server has no sign-in). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<SessionCookie> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: headers(null, true),
    body: JSON.stringify({ username, password }),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`POST /api/session answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error('POST /api/session set no session cookie');
  return setCookie.split(';')[0]!.trim();
}

/** What a browser signed in as one account puts in its awareness `user`: the account's name and colour. */
export interface Presence {
  name: string;
  color: string;
}

/** The signed-in account's presence, from GET /api/me, as the browser's editor reads it. */
export async function presenceOf(baseUrl: string, cookie: SessionCookie): Promise<Presence> {
  const res = await fetch(`${baseUrl}/api/me`, { headers: headers(cookie) });
  if (!res.ok) throw new Error(`GET /api/me answered ${res.status}: ${await res.text()}`);
  const me = (await res.json()) as { displayName: string; color: string };
  return { name: me.displayName, color: me.color };
}

/** Creates a story through the REST API, as the "New story" button does; returns its id. */
export async function createStory(baseUrl: string, headline: string, cookie: SessionCookie): Promise<string> {
  const res = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: headers(cookie, true),
    body: JSON.stringify({ headline }),
  });
  if (res.status !== 201) throw new Error(`POST /api/articles answered ${res.status}: ${await res.text()}`);
  const article = (await res.json()) as Article;
  return article.id;
}

/** Reads one story through the REST API. */
export async function getArticle(baseUrl: string, id: string, cookie: SessionCookie): Promise<Article> {
  const res = await fetch(`${baseUrl}/api/articles/${encodeURIComponent(id)}`, { headers: headers(cookie) });
  if (!res.ok) throw new Error(`GET /api/articles/${id} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Article;
}

/** GET with the session cookie; resolves once the whole body has arrived. */
export async function getWithSession(url: string, cookie: SessionCookie): Promise<Response> {
  const res = await fetch(url, { headers: headers(cookie) });
  await res.arrayBuffer();
  return res;
}

/** The WebSocket base URL a `WebsocketProvider` takes, from the server's HTTP URL. */
export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab`;
}
