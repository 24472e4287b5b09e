import { useEffect } from 'react';

/** Calls `callback` every `everyMs` while the page is visible; a hidden tab asks nothing of the server. */
export function useVisibleInterval(callback: () => unknown, everyMs: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void callback();
    }, everyMs);
    return () => clearInterval(timer);
  }, [callback, everyMs]);
}
