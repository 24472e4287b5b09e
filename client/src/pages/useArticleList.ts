import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/api.ts';
import { listArticles, type ArticleFilter } from '../api.ts';
import { errorMessage } from '../format/errorMessage.ts';

const REFRESH_MS = 5000;

/** The stories matching `filter`, refreshed every few seconds while the page is visible. */
export function useArticleList(filter: ArticleFilter = {}): {
  articles: ArticleSummary[] | null;
  error: string | null;
  refresh: () => Promise<void>;
} {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const { status, mine } = filter;
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    // An answer for a filter the user has since changed must not replace the current one.
    const ticket = ++latest.current;
    try {
      const next = await listArticles({ status, mine });
      if (ticket !== latest.current) return;
      setArticles(next);
      setError(null);
    } catch (failure) {
      if (ticket !== latest.current) return;
      setError(errorMessage(failure));
    }
  }, [status, mine]);

  useEffect(() => {
    setArticles(null);
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
