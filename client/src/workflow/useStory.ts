import { useCallback, useEffect, useState } from 'react';
import type { ActivityEntry } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { ApiError, getActivity, getArticle } from '../api.ts';
import { useVisibleInterval } from '../hooks/useVisibleInterval.ts';
import { errorMessage } from '../format/errorMessage.ts';

/** Colleagues move stories along too (a send-back, an approval): poll while the page is visible. */
const REFRESH_MS = 4000;

/** A story's record (with what the signed-in user may do) and its activity log. */
export interface StoryState {
  article: Article | null;
  activity: ActivityEntry[];
  /** The story does not exist (404). */
  missing: boolean;
  error: string | null;
  /** Re-reads both, e.g. after the server said this user's rights changed. */
  refresh: () => Promise<void>;
  /** Takes a story the server answered (a transition or assignment) and re-reads the log. */
  replace: (article: Article) => void;
}

/** Loads a story's record and activity, re-reading them every few seconds and when `refreshKey` changes. */
export function useStory(articleId: string, refreshKey: number): StoryState {
  const [article, setArticle] = useState<Article | null>(null);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [nextArticle, nextActivity] = await Promise.all([getArticle(articleId), getActivity(articleId)]);
      setArticle(nextArticle);
      setActivity(nextActivity);
      setError(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setMissing(true);
      else setError(errorMessage(failure));
    }
  }, [articleId]);

  const replace = useCallback(
    (next: Article) => {
      setArticle(next);
      void getActivity(articleId).then(setActivity, () => {});
    },
    [articleId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  useVisibleInterval(refresh, REFRESH_MS);

  return { article, activity, missing, error, refresh, replace };
}
