import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** A picture served for any https://images.example/ URL, so figures need no network. */
const TEST_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">' +
  '<stop offset="0" stop-color="#2b4a6f"/><stop offset="1" stop-color="#f3d9a4"/></linearGradient></defs>' +
  '<rect width="1200" height="700" fill="url(#g)"/></svg>';

/** Serves the test image inside `context`. */
export async function serveTestImages(context: BrowserContext): Promise<void> {
  await context.route('https://images.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: TEST_IMAGE }),
  );
}

/** The connection indicator. */
export function connection(page: Page) {
  return page.getByRole('status');
}

/** Waits until the server has confirmed every change made in `page`. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(connection(page)).toHaveText('All changes saved');
}

/** The editable story. */
export function storyText(page: Page) {
  return page.getByLabel('Story text');
}

/** Puts the cursor at the very end of the story. */
export async function cursorToEnd(page: Page): Promise<void> {
  await storyText(page).getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+End');
}

/** Takes `page`'s browser offline, waits for the header to say so, and types `text` at the end of the story. */
export async function typeOffline(page: Page, text: string): Promise<void> {
  await page.context().setOffline(true);
  await expect(connection(page)).toContainText('Offline');
  await cursorToEnd(page);
  await page.keyboard.type(text);
}

/** The text of the first element `locator` matches, without other writers' caret labels in it. */
export function textWithoutCarets(locator: Locator): Promise<string> {
  return locator.first().evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until `locator`'s text, carets aside, is exactly `text`. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => textWithoutCarets(locator)).toBe(text);
}
