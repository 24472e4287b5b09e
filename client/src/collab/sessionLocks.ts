/**
 * Which sessions of stories are open in this browser, any tab: each holds a Web Lock named after it
 * for its life, and the browser drops the lock when the tab closes or navigates away.
 */

const PREFIX = 'copydesk-session-';

/** Holds the lock of session `id` until the returned function is called. */
export function holdSessionLock(id: string): () => void {
  let release = () => {};
  if (typeof navigator === 'undefined' || !navigator.locks) return release;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(`${PREFIX}${id}`, () => held).catch(() => {});
  return () => release();
}

/** The ids of sessions open in this browser now; null when the browser cannot tell. */
export async function openSessionIds(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null;
  try {
    const { held = [], pending = [] } = await navigator.locks.query();
    const ids = new Set<string>();
    for (const lock of [...held, ...pending]) if (lock.name?.startsWith(PREFIX)) ids.add(lock.name.slice(PREFIX.length));
    return ids;
  } catch {
    return null;
  }
}
