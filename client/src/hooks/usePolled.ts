import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../format/errorMessage.ts';
import { useVisibleInterval } from './useVisibleInterval.ts';

/** The last answer of a polled read, the last failure's message (cleared by the next answer) and a way to read again now. */
export interface Polled<T> {
  data: T | null;
  error: string | null;
  refresh: () => Promise<void>;
}

/**
 * What `load(id)` answered last, read again every `everyMs` while the page is visible, whenever
 * `id` or `refreshKey` changes, and on demand. `load` must be a stable function (a module's export).
 */
export function usePolled<T>(load: (id: string) => Promise<T>, id: string, everyMs: number, refreshKey?: unknown): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setData(await load(id));
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [load, id]);

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  useVisibleInterval(refresh, everyMs);

  return { data, error, refresh };
}
