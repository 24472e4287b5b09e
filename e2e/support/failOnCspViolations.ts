import { expect, test, type BrowserContext, type ConsoleMessage } from '@playwright/test';

// Chromium reports every refusal of the page's Content-Security-Policy (scripts, styles, images,
// connections, frames; in the page and in its frames) as a console message naming the policy.
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

/** One reported violation: where, and Chromium's own words. */
function describe(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  const where = url || message.page()?.url() || 'a page';
  return `${where}${url && lineNumber ? `:${lineNumber}` : ''}: ${message.text()}`;
}

/**
 * Fails each test of the spec in which any page of any browser context (the `page` fixture's and
 * those the test opens itself) reports a Content-Security-Policy violation. `useCopydesk` calls it,
 * so every spec runs the app under its real policy and notices when the app breaks it. `take()`
 * hands over (and forgets) what was reported so far: for a test that breaks the policy on purpose.
 */
export function failOnCspViolations(): { take(): string[] } {
  const violations: string[] = [];
  const watched = new WeakSet<BrowserContext>();
  const watch = (context: BrowserContext): void => {
    if (watched.has(context)) return;
    watched.add(context);
    context.on('console', (message) => {
      if (CSP_MESSAGE.test(message.text())) violations.push(describe(message));
    });
  };
  const expectNone = (when: string): void => {
    const seen = violations.splice(0);
    expect(seen, `Content-Security-Policy violations ${when}`).toEqual([]);
  };

  test.beforeAll(({ browser }) => {
    browser.contexts().forEach(watch);
    browser.on('context', watch);
  });
  test.afterEach(() => expectNone('during the test'));
  test.afterAll(({ browser }) => {
    browser.off('context', watch);
    expectNone('after the last test');
  });
  return { take: () => violations.splice(0) };
}
