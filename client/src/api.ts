import type { ActivityEntry, CreateUserBody, LoginBody, Person, PublicUser, UpdateUserBody } from '../../shared/accounts.ts';
import type { ApiErrorBody, Article, ArticleList, ArticleStatus, ArticleSummary, CreateArticleBody, ExportFormat } from '../../shared/api.ts';
import { ARTICLE_PAGE_MAX, type ArticleSort } from '../../shared/search/articleSorts.ts';

/** A failed API call, carrying the server's stable error id and its human message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** What the server added to explain the error, e.g. the problems blocking a publication. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired on `window` when the server says the session is gone (401 outside sign-in): show sign-in. */
export const SIGNED_OUT_EVENT = 'copydesk:signed-out';

/** Fired on `window` when the server says this session may only enrol in two-step sign-in (403 `mfa_enrolment_required`). */
export const MFA_ENROLMENT_EVENT = 'copydesk:mfa-enrolment-required';

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'id' in error;
}

/** Calls the Copydesk API: JSON in and out, errors thrown as ApiError. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
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
    if (response.status === 401 && path !== '/api/session') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    if (response.status === 403 && isApiErrorBody(body) && body.error.id === 'mfa_enrolment_required') window.dispatchEvent(new Event(MFA_ENROLMENT_EVENT));
    // A refused sign-in says when to try again; a request over the account's budget says so itself.
    if (response.status === 429 && !(isApiErrorBody(body) && body.error.id === 'rate_limited')) {
      const seconds = Number(response.headers.get('Retry-After'));
      if (Number.isFinite(seconds) && seconds > 0) {
        throw new ApiError(429, 'too_many_attempts', `Too many attempts, try again in ${Math.ceil(seconds)} s.`);
      }
    }
    if (isApiErrorBody(body)) throw new ApiError(response.status, body.error.id, body.error.message, body.error.details);
    throw new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`);
  }
  return body as T;
}

/** Which stories the list asks for. */
export interface ArticleFilter {
  status?: ArticleStatus | undefined;
  /** Only stories the signed-in user created or is assigned to. */
  mine?: boolean | undefined;
  /** Search words: only stories holding them, each with a snippet of where. */
  q?: string | undefined;
  sort?: ArticleSort | undefined;
  /** Only spiked stories (which the list otherwise leaves out). */
  spiked?: boolean | undefined;
}

/** One page of the stories matching `filter`, from `offset`, at most `limit` of them. */
export async function listArticlePage(filter: ArticleFilter, page: { offset?: number; limit?: number } = {}): Promise<ArticleList> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.mine) query.set('mine', '1');
  if (filter.spiked) query.set('spiked', '1');
  if (filter.q?.trim()) query.set('q', filter.q.trim());
  if (filter.sort) query.set('sort', filter.sort);
  if (page.offset) query.set('offset', String(page.offset));
  if (page.limit) query.set('limit', String(page.limit));
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return request<ArticleList>(`/api/articles${suffix}`);
}

/** Every story matching `filter`, newest first, read ARTICLE_PAGE_MAX at a time (the story list reads pages itself). */
export async function listArticles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
  const all: ArticleSummary[] = [];
  const seen = new Set<string>();
  let offset: number | null = 0;
  while (offset !== null) {
    const page: ArticleList = await listArticlePage(filter, { offset, limit: ARTICLE_PAGE_MAX });
    for (const article of page.articles) {
      // A story changed between two pages moves up: it is not listed twice.
      if (!seen.has(article.id)) all.push(article);
      seen.add(article.id);
    }
    offset = page.nextOffset;
  }
  return all;
}

/** One story's record. */
export function getArticle(id: string): Promise<Article> {
  return request<Article>(`/api/articles/${encodeURIComponent(id)}`);
}

/** Create a story; the server writes its first document. */
export function createArticle(body: CreateArticleBody): Promise<Article> {
  return request<Article>('/api/articles', { method: 'POST', body: JSON.stringify(body) });
}

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;

/** Spikes a story: off the list, read-only until restored (409 `story_live` while it is on the site). */
export function spikeArticle(id: string): Promise<Article> {
  return request<Article>(`${articlePath(id)}/spike`, { method: 'POST' });
}

/** Puts a spiked story back on the list. */
export function restoreArticle(id: string): Promise<Article> {
  return request<Article>(`${articlePath(id)}/restore`, { method: 'POST' });
}

/** Deletes a spiked story for good (admins); its publications stay. */
export async function deleteArticle(id: string): Promise<void> {
  await request<null>(articlePath(id), { method: 'DELETE' });
}

/** Moves a story along the workflow; answers the story as it is now. */
export function transitionArticle(id: string, to: ArticleStatus, note?: string): Promise<Article> {
  return request<Article>(`${articlePath(id)}/transitions`, { method: 'POST', body: JSON.stringify({ to, note }) });
}

/** Replaces a story's assigned reporters. */
export function setAssignees(id: string, usernames: string[]): Promise<Article> {
  return request<Article>(`${articlePath(id)}/assignees`, { method: 'PUT', body: JSON.stringify({ usernames }) });
}

/** Sets or clears a story's reviewing editor. */
export function setReviewer(id: string, username: string | null): Promise<Article> {
  return request<Article>(`${articlePath(id)}/reviewer`, { method: 'PUT', body: JSON.stringify({ username }) });
}

/** A story's audit log, oldest first. */
export async function getActivity(id: string): Promise<ActivityEntry[]> {
  const body = await request<{ entries: ActivityEntry[] }>(`${articlePath(id)}/activity`);
  return body.entries;
}

/** The signed-in user; throws ApiError 401 when there is none. */
export function getMe(): Promise<PublicUser> {
  return request<PublicUser>('/api/me');
}

/** Signs in; the server sets the session cookie. With two-step sign-in on, `code` too (401 `mfa_required` without it). */
export function signIn(body: LoginBody & { code?: string }): Promise<PublicUser> {
  return request<PublicUser>('/api/session', { method: 'POST', body: JSON.stringify(body) });
}

/** Signs out: the server forgets the session and closes its sockets. */
export function signOut(): Promise<void> {
  return request<void>('/api/session', { method: 'DELETE' });
}

/** Every account (admins only). */
export async function listUsers(): Promise<PublicUser[]> {
  const body = await request<{ users: PublicUser[] }>('/api/users');
  return body.users;
}

/** The active colleagues' usernames, display names and roles (editors and admins), to assign people to stories. */
export async function listPeople(): Promise<Person[]> {
  const body = await request<{ people: Person[] }>('/api/people');
  return body.people;
}

/** Creates an account (admins only). */
export function createUser(body: CreateUserBody): Promise<PublicUser> {
  return request<PublicUser>('/api/users', { method: 'POST', body: JSON.stringify(body) });
}

/** Changes an account's role, name, password or disabled flag (admins only). */
export function updateUser(username: string, changes: UpdateUserBody): Promise<PublicUser> {
  return request<PublicUser>(`/api/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: JSON.stringify(changes) });
}

/** The formats GET /api/articles/:id/export serves. */
/** Where a story's export in a given format can be downloaded. */
export function exportUrl(id: string, format: ExportFormat): string {
  return `/api/articles/${encodeURIComponent(id)}/export?format=${format}`;
}

/** The base of the collaboration WebSocket URL for this page's origin. */
export function collabBaseUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab`;
}
