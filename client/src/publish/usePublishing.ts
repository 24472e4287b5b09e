import { useCallback, useEffect, useState } from 'react';
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
  const [state, setState] = useState<PublishingState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setState(await getPublishing(articleId));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [articleId]);

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { state, error, refresh };
}
