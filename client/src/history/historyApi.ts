import type { RestoreVersionResponse, VersionSummary } from '../../../shared/api.ts';
import { ApiError, request } from '../api.ts';

export type { VersionKind, VersionSummary } from '../../../shared/api.ts';

/** What a comparison answers: both sides and the highlighted HTML (`<ins>`, `<del>`). */
export interface VersionComparison {
  html: string;
}

/** The other side of a comparison: a version number or the story as it is now. */
export type CompareTarget = number | 'current';

const versionsPath = (id: string) => `/api/articles/${encodeURIComponent(id)}/versions`;

/** A story's versions, newest first. */
export async function listVersions(articleId: string): Promise<VersionSummary[]> {
  const body = await request<{ versions: VersionSummary[] }>(versionsPath(articleId));
  return body.versions;
}

/** Keeps the story as it is now under `name`. */
export function saveVersion(articleId: string, name: string): Promise<VersionSummary> {
  return request<VersionSummary>(versionsPath(articleId), { method: 'POST', body: JSON.stringify({ name }) });
}

/** Version `number` as a read-only HTML page (no scripts), for a sandboxed frame. */
export async function versionHtml(articleId: string, number: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${versionsPath(articleId)}/${number}?format=html`, { headers: { Accept: 'text/html' } });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Copydesk server. Check your connection.');
  }
  if (!response.ok) throw new ApiError(response.status, 'http_error', `The version could not be opened (${response.status}).`);
  return response.text();
}

/** The changes from version `from` to `to` (another version, or the current story). */
export function compareVersions(articleId: string, from: number, to: CompareTarget): Promise<VersionComparison> {
  return request<VersionComparison>(`${versionsPath(articleId)}/${from}/compare?to=${encodeURIComponent(String(to))}`);
}

/** Brings version `number` back as a new change everyone in the story receives. */
export function restoreVersion(articleId: string, number: number): Promise<RestoreVersionResponse> {
  return request(`${versionsPath(articleId)}/${number}/restore`, { method: 'POST' });
}
