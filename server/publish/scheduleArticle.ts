import type { Schedule } from '../storage/PublicationStore.ts';
import type { PublishDeps } from './PublishDeps.ts';

export interface ScheduleRequest {
  articleId: string;
  by: string;
  /** When the server publishes the story by itself; null for no automatic publication. */
  publishAt: string | null;
  /** Nothing of the story is public before this time; null for none. */
  embargoUntil: string | null;
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; reason: 'not_found' | 'invalid'; message: string };

function iso(value: string | null, field: string): string | null | RangeError {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : new RangeError(`${field} is not a date-time.`);
}

/**
 * Sets (or clears, with nulls) a story's publication time and embargo. The story is checked when
 * the time comes, not now: it may still be in review. A publication time before the embargo is
 * allowed; the page simply stays hidden until the embargo lifts. Call `scheduler.reschedule()` after.
 */
export async function scheduleArticle(
  deps: Pick<PublishDeps, 'schedule' | 'clock' | 'loadStory'>,
  request: ScheduleRequest,
): Promise<ScheduleResult> {
  if (!(await deps.loadStory(request.articleId))) return { ok: false, reason: 'not_found', message: 'There is no such story.' };
  const publishAt = iso(request.publishAt, 'publishAt');
  const embargoUntil = iso(request.embargoUntil, 'embargoUntil');
  if (publishAt instanceof RangeError) return { ok: false, reason: 'invalid', message: publishAt.message };
  if (embargoUntil instanceof RangeError) return { ok: false, reason: 'invalid', message: embargoUntil.message };
  const now = deps.clock.now().toISOString();
  if (publishAt !== null && publishAt < now) return { ok: false, reason: 'invalid', message: 'The publication time is in the past.' };
  await deps.schedule.set({ articleId: request.articleId, publishAt, embargoUntil, setBy: request.by, updatedAt: now });
  return { ok: true, schedule: (await deps.schedule.get(request.articleId))! };
}
