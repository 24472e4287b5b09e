import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/api.ts';
import { ARTICLE_PAGE_MAX, ARTICLE_PAGE_SIZE } from '../../../shared/search/articleSorts.ts';
import { listArticlePage, type ArticleFilter } from '../api.ts';
import { errorMessage } from '../format/errorMessage.ts';

const REFRESH_MS = 5000;

/**
 * The stories matching `filter`, a page at a time (`loadMore` fetches the next), refreshed every
 * few seconds while the page is visible: the refresh re-reads what is shown (up to ARTICLE_PAGE_MAX).
 */
export function useArticleList(filter: ArticleFilter = {}): {
  articles: ArticleSummary[] | null;
  /** How many stories match in all; null until the first answer. */
  total: number | null;
  /** Whether more stories match than are loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
  error: string | null;
  refresh: () => Promise<void>;
} {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const { status, mine, q, sort, spiked } = filter;
  const latest = useRef(0);
  const loaded = useRef(0);
  const refresh = useCallback(async () => {
    // An answer for a filter the user has since changed must not replace the current one.
    const ticket = ++latest.current;
    try {
      const limit = Math.min(Math.max(loaded.current, ARTICLE_PAGE_SIZE), ARTICLE_PAGE_MAX);
      const page = await listArticlePage({ status, mine, q, sort, spiked }, { limit });
      if (ticket !== latest.current) return;
      setArticles((previous) => {
        // Stories loaded past what one answer re-reads stay as they were.
        const fresh = new Set(page.articles.map((article) => article.id));
        const tail = page.nextOffset === null ? [] : (previous ?? []).slice(limit).filter((article) => !fresh.has(article.id));
        const next = [...page.articles, ...tail];
        loaded.current = next.length;
        return next;
      });
      setTotal(page.total);
      setError(null);
    } catch (failure) {
      if (ticket !== latest.current) return;
      setError(errorMessage(failure));
    }
  }, [status, mine, q, sort, spiked]);

  const loadMore = useCallback(async () => {
    const ticket = latest.current;
    setLoadingMore(true);
    try {
      const page = await listArticlePage({ status, mine, q, sort, spiked }, { offset: loaded.current });
      if (ticket !== latest.current) return;
      setArticles((previous) => {
        const seen = new Set((previous ?? []).map((article) => article.id));
        const next = [...(previous ?? []), ...page.articles.filter((article) => !seen.has(article.id))];
        loaded.current = next.length;
        return next;
      });
      setTotal(page.total);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(errorMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  }, [status, mine, q, sort, spiked]);

  useEffect(() => {
    setArticles(null);
    setTotal(null);
    loaded.current = 0;
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

  const hasMore = articles !== null && total !== null && articles.length < total;
  return { articles, total, hasMore, loadingMore, loadMore, error, refresh };
}
