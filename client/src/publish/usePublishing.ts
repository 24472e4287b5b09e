import { usePolled } from '../hooks/usePolled.ts';
import { getPublishing } from './publishApi.ts';
import type { PublishingState } from '../../../shared/publishing.ts';

/** Webhook deliveries retry and schedules fire on the server: re-read while the page is visible. */
const REFRESH_MS = 5000;

/** A story's publishing state, re-read every few seconds, when `refreshKey` changes and on demand. */
export function usePublishing(articleId: string, refreshKey: unknown): {
  state: PublishingState | null;
  error: string | null;
  refresh: () => Promise<void>;
} {
  const { data: state, error, refresh } = usePolled(getPublishing, articleId, REFRESH_MS, refreshKey);
  return { state, error, refresh };
}
