import type { RestorableBlock, RestoreBlockResponse, RestoreVersionResponse, VersionSummary } from '../../../shared/api.ts';
import { ApiError, request } from '../api.ts';

export type { RestorableBlock, VersionKind, VersionSummary } from '../../../shared/api.ts';

/** What a comparison answers: both sides and the highlighted HTML (`<ins>`, `<del>`). */
export interface VersionComparison {
  html: string;
  /** Compared with the current story: the older version's blocks that can be put back one by one. */
  restorable: RestorableBlock[];
}

/** The other side of a comparison: a version number or the story as it is now. */
export type CompareTarget = number | 'current';

const versionsPath = (id: string) => `/api/articles/${encodeURIComponent(id)}/versions`;

/** A story's versions, newest first, and the display names of everyone they name, by username. */
export interface VersionList {
  versions: VersionSummary[];
  names: Record<string, string>;
}

/** A story's versions, newest first, with the names of the people in them. */
export async function listVersions(articleId: string): Promise<VersionList> {
  const body = await request<Partial<VersionList>>(versionsPath(articleId));
  return { versions: body.versions ?? [], names: body.names ?? {} };
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

/** Puts block `block` (its index among version `number`'s top-level blocks) back into the story, for everyone in it. */
export function restoreBlock(articleId: string, number: number, block: number): Promise<RestoreBlockResponse> {
  return request(`${versionsPath(articleId)}/${number}/blocks/restore`, { method: 'POST', body: JSON.stringify({ block }) });
}
