import { expect, test, type Locator, type Page } from '@playwright/test';
import { createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;
let eve: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
  eve = await createAccount(copydesk.server.url, 'eve', 'Eve Editor', 'editor');
});

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the visible controls `locator` matches, named for the failure message. */
async function boxesOf(locator: Locator): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const element of await locator.all()) {
    if (!(await element.isVisible())) continue;
    const box = await element.boundingBox();
    if (!box || box.width === 0 || box.height === 0) continue;
    const name = (await element.getAttribute('aria-label')) ?? (await element.innerText()).trim().slice(0, 30);
    boxes.push({ name, ...box });
  }
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  // A pixel of anti-aliased rounding is not an overlap.
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

/** Fails naming any two of `boxes` that overlap, and any that sticks out of a `width`-wide viewport. */
function expectApart(boxes: Box[], width: number): void {
  const clashes: string[] = [];
  boxes.forEach((a, i) => {
    if (a.x < -1 || a.x + a.width > width + 1) clashes.push(`${a.name} spans ${Math.round(a.x)}…${Math.round(a.x + a.width)}`);
    for (const b of boxes.slice(i + 1)) if (overlaps(a, b)) clashes.push(`${a.name} overlaps ${b.name}`);
  });
  expect(clashes).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

const HEADER_CONTROLS = 'a, button, summary, input, select, [role="status"], .brand';

for (const who of ['reporter', 'editor'] as const) {
  test(`at 390 × 844 a ${who} can file from a phone: header controls apart, nothing wider than the screen, toolbar and story reachable`, async ({
    browser,
  }) => {
    const url = copydesk.server.url;
    const account = who === 'reporter' ? nellie : eve;
    const story = await createStory(url, 'Ferry strike strands island commuters overnight', await signInCookie(url, nellie.username, nellie.password));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await signInContext(context, url, account);
    const page = await context.newPage();
    await page.goto(`${url}/stories/${story.id}`);
    await expectSaved(page);

    expectApart(await boxesOf(page.locator('header.masthead').locator(HEADER_CONTROLS)), 390);
    await expectNoSidewaysScroll(page);

    // Every toolbar button can be reached and used without the page scrolling sideways.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const buttons = toolbar.getByRole('button');
    const count = await buttons.count();
    expect(count).toBeGreaterThan(5);
    await buttons.nth(count - 1).scrollIntoViewIfNeeded();
    const last = await buttons.nth(count - 1).boundingBox();
    expect(last!.x).toBeGreaterThanOrEqual(0);
    expect(last!.x + last!.width).toBeLessThanOrEqual(390);

    await cursorToEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Crossings resume at six. ');
    await toolbar.getByRole('button', { name: 'Bold', exact: true }).click();
    await page.keyboard.type('Fares are refunded.');
    await expect(storyText(page).locator('strong')).toHaveText('Fares are refunded.');
    await expectSaved(page);
    await expectNoSidewaysScroll(page);

    // The side panels (story details, publishing, activity) follow the story, inside the screen.
    const details = page.getByLabel('Section');
    await details.scrollIntoViewIfNeeded();
    await details.fill('Transport');
    expectApart(await boxesOf(page.locator('.workspace-side').locator('input, button, select, textarea, summary')), 390);
    await expectNoSidewaysScroll(page);
    await expectSaved(page);
    await context.close();
  });
}
