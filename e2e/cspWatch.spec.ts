import { expect, test, type Page } from '@playwright/test';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();

/** Waits until the pages have reported at least one CSP violation, and hands them over (so they fail nothing). */
async function reported(): Promise<string[]> {
  const seen: string[] = [];
  await expect
    .poll(() => {
      seen.push(...copydesk.takeCspViolations());
      return seen.length;
    })
    .toBeGreaterThan(0);
  return seen;
}

async function openSignIn(page: Page): Promise<void> {
  const response = await page.goto(copydesk.server.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('the app shell loads under its policy without a violation', async ({ page }) => {
  await openSignIn(page);
  expect(copydesk.takeCspViolations()).toEqual([]);
});

// Each spec runs under the watcher (useCopydesk): what breaks the policy here, on purpose, would fail the test.
test('an inline script in the page fixture is refused and reported', async ({ page }) => {
  await openSignIn(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  expect(await reported()).toEqual([expect.stringMatching(/inline script violates the following Content Security Policy directive 'script-src 'self''/)]);
});

test('a style element in a context the test opens itself is refused and reported', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSignIn(page);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { background: rgb(255, 0, 0); }';
    document.head.append(style);
  });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');
  expect(await reported()).toEqual([expect.stringMatching(/inline style violates the following Content Security Policy directive 'style-src/)]);
  await context.close();
});
