import type { ApiErrorBody, Article, ArticleList, ArticleSummary, CreateArticleBody } from '../../shared/api.ts';

/** A failed API call, carrying the server's stable error id and its human message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'id' in error;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Copydesk server. Check your connection.');
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    if (isApiErrorBody(body)) throw new ApiError(response.status, body.error.id, body.error.message);
    throw new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`);
  }
  return body as T;
}

/** Every story, newest first. */
export async function listArticles(): Promise<ArticleSummary[]> {
  const list = await request<ArticleList>('/api/articles');
  return list.articles;
}

/** One story's record. */
export function getArticle(id: string): Promise<Article> {
  return request<Article>(`/api/articles/${encodeURIComponent(id)}`);
}

/** Create a story; the server writes its first document. */
export function createArticle(body: CreateArticleBody): Promise<Article> {
  return request<Article>('/api/articles', { method: 'POST', body: JSON.stringify(body) });
}

/** Where a story's export in a given format can be downloaded. */
export function exportUrl(id: string, format: 'html' | 'json'): string {
  return `/api/articles/${encodeURIComponent(id)}/export?format=${format}`;
}

/** The base of the collaboration WebSocket URL for this page's origin. */
export function collabBaseUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab`;
}
