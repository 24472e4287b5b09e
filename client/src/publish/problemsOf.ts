import type { PublishProblem } from '../../../shared/publish/checkPublishable.ts';
import { ApiError } from '../api.ts';

function isProblem(value: unknown): value is PublishProblem {
  if (typeof value !== 'object' || value === null) return false;
  const problem = value as Record<string, unknown>;
  return typeof problem.id === 'string' && typeof problem.message === 'string' && typeof problem.blockIndex === 'number';
}

/** The problems a `publish_blocked` refusal lists; empty for any other error. */
export function problemsOf(error: unknown): PublishProblem[] {
  if (!(error instanceof ApiError) || error.id !== 'publish_blocked' || !Array.isArray(error.details)) return [];
  return error.details.filter(isProblem);
}
