import { useEffect, useRef } from 'react';

/**
 * The "More stories" button under a list that has more: it loads the next page when pressed, or by
 * itself once it scrolls into view.
 */
export function MoreStories({ loading, onMore }: { loading: boolean; onMore: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;
  const busy = useRef(loading);
  busy.current = loading;

  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !busy.current) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="list-more">
      <button ref={button} type="button" className="button button-quiet" disabled={loading} onClick={onMore}>
        {loading ? 'Loading…' : 'More stories'}
      </button>
    </div>
  );
}
