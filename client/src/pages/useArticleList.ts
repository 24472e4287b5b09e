import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/api.ts';
import { listArticles } from '../api.ts';

const REFRESH_MS = 5000;

/** The story list, refreshed every few seconds while the page is visible. */
export function useArticleList(): {
  articles: ArticleSummary[] | null;
  error: string | null;
  refresh: () => Promise<void>;
} {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setArticles(await listArticles());
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { articles, error, refresh };
}
