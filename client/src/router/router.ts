import { useSyncExternalStore } from 'react';

/** The pages the client knows, parsed from the location's path. */
export type Route =
  | { page: 'list' }
  | { page: 'story'; id: string }
  | { page: 'users' }
  | { page: 'notFound'; path: string };

const NAVIGATE_EVENT = 'copydesk:navigate';

/** Parse a path name into a route. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  if (pathname === '/users' || pathname === '/users/') return { page: 'users' };
  const story = /^\/stories\/([^/]+)\/?$/.exec(pathname);
  if (story?.[1]) return { page: 'story', id: decodeURIComponent(story[1]) };
  return { page: 'notFound', path: pathname };
}

/** The path of a story's editor page. */
export function storyPath(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}

/** Go to a path inside the app without reloading the page. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path name, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
