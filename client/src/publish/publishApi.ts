import { request } from '../api.ts';
import type { Publication, PublicationPreview, PublicationSummary, PublishingState, Schedule } from '../../../shared/publishing.ts';

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;

/** A story's site state, schedule, publications and webhook deliveries. */
export function getPublishing(id: string): Promise<PublishingState> {
  return request<PublishingState>(`${articlePath(id)}/publications`);
}

/** One publication with its exact page and ninjs. */
export function getPublication(id: string, version: number): Promise<Publication> {
  return request<Publication>(`${articlePath(id)}/publications/${version}`);
}

/** The page publishing now would freeze, with the problems that would block it. */
export function previewPublication(id: string, correction?: string): Promise<PublicationPreview> {
  const query = correction ? `?correction=${encodeURIComponent(correction)}` : '';
  return request<PublicationPreview>(`${articlePath(id)}/preview${query}`);
}

/** Publishes (or republishes) the story now; a refusal is an ApiError `publish_blocked` whose details are the problems. */
export function publishStory(id: string, correction?: string): Promise<PublicationSummary> {
  return request<PublicationSummary>(`${articlePath(id)}/publish`, {
    method: 'POST',
    body: JSON.stringify(correction ? { correction } : {}),
  });
}

/** Takes the story off the public site; its publications stay. */
export function unpublishStory(id: string): Promise<void> {
  return request<void>(`${articlePath(id)}/unpublish`, { method: 'POST', body: '{}' });
}

/** Sets (or clears, with null) when the story goes out and until when it is embargoed. */
export async function setSchedule(id: string, publishAt: string | null, embargoUntil: string | null): Promise<Schedule> {
  const body = await request<{ schedule: Schedule }>(`${articlePath(id)}/schedule`, { method: 'PUT', body: JSON.stringify({ publishAt, embargoUntil }) });
  return body.schedule;
}

/** The public address of a published story, on this server. */
export function sitePath(section: string, slug: string): string {
  return `/site/${encodeURIComponent(section)}/${encodeURIComponent(slug)}`;
}
