import type { Page, WebSocketRoute } from '@playwright/test';

/** One page's collaboration sockets, which a test can cut and restore as a network would. */
export interface CuttableSocket {
  /** Closes the page's open collaboration sockets; every reconnect is refused until `restore`. */
  cut(): Promise<void>;
  /** Lets the page's next reconnect through to the server. */
  restore(): void;
}

/**
 * Routes `page`'s collaboration sockets through Playwright (install it before the page opens the
 * story), passing every frame through until `cut`. Only this page is affected: other pages of the
 * same browser context keep their own sockets, and the page's BroadcastChannel keeps working.
 */
export async function cuttableSocket(page: Page): Promise<CuttableSocket> {
  let cut = false;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.routeWebSocket(/\/collab\//, (route) => {
    if (cut) {
      void route.close({ code: 1001, reason: 'network cut by the test' });
      return;
    }
    const pair = { page: route, server: route.connectToServer() };
    open.add(pair);
  });
  return {
    async cut() {
      cut = true;
      const pairs = [...open];
      open.clear();
      for (const pair of pairs) {
        await pair.server.close();
        await pair.page.close({ code: 1001, reason: 'network cut by the test' });
      }
    },
    restore() {
      cut = false;
    },
  };
}
