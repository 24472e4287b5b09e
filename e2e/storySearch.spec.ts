import { expect, test, type Locator } from '@playwright/test';
import { adminCookie, createAccount, pageAs, signInContext, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ida: Account;

test.beforeAll(async () => {
  ida = await createAccount(copydesk.server.url, 'ida', 'Ida Wells', 'reporter');
});

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(name: string, locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${name} has no box (not visible)`);
  return { name, ...box };
}

function overlaps(a: Box, b: Box): boolean {
  // A pixel of anti-aliased rounding is not an overlap.
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

function expectApart(boxes: Box[]): void {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.name} overlaps ${boxes[j]!.name}`).toBe(false);
    }
  }
}

function expectInside(box: Box, width: number): void {
  expect(box.x, `${box.name} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${box.name} runs past the right edge`).toBeLessThanOrEqual(width + 0.5);
}

test('search from the list: type in the box, see the hit with its words marked, open it', async ({ browser }) => {
  const url = copydesk.server.url;
  await createStory(url, 'Council budget vote delayed');
  // Ida's own story: she may write in it.
  const story = await createStory(url, 'Ferry timetable changes', await signInCookie(url, ida.username, ida.password));
  const page = await pageAs(browser, url, ida);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  await cursorToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Crossings to Tromsø stop at dusk.');
  await expectSaved(page);

  await page.getByRole('link', { name: '← All stories' }).click();
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('tromso cross');
  const hit = page.getByRole('row', { name: /Ferry timetable changes/ });
  // The index follows typing on the summary's delay; the list searches again on its refresh.
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('row')).toHaveCount(2); // the header row and the hit
  await expect(hit.locator('mark')).toHaveText(['Crossings', 'Tromsø']);
  await expect(hit.locator('.story-snippet')).toContainText('Crossings to Tromsø stop at dusk.');
  await expect(page.locator('.list-count')).toHaveText('1 story found');

  await page.getByRole('searchbox', { name: 'Search stories' }).fill('tromso volcano');
  await expect(page.getByRole('heading', { name: 'No stories match “tromso volcano”' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('tromsø');
  await hit.getByRole('link', { name: 'Ferry timetable changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${story.id}$`));
  await expect(storyText(page)).toContainText('Crossings to Tromsø stop at dusk.');
});

test('at 390 × 844 the list is cards that fit the screen, sorts, and loads more stories as it scrolls', async ({ browser }) => {
  const url = copydesk.server.url;
  const cookie = await adminCookie(url);
  for (let i = 0; i < 58; i++) {
    await createStory(url, i === 57 ? 'A very long headline about the harbour authority’s decision on the northern breakwater' : `Story ${i}`, cookie);
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await signInContext(context, url, ida);
  const page = await context.newPage();
  await page.goto(url);
  const cards = page.locator('tr.story-row');
  const total = (await (await context.request.get(`${url}/api/articles?limit=1`)).json()).total as number;
  expect(total).toBeGreaterThanOrEqual(58);
  await expect(cards).toHaveCount(50);
  await expect(page.locator('.list-count')).toHaveText(`${total} stories`);
  await expect(page.locator('.story-table thead')).toBeHidden();

  const width = 390;
  const main = page.locator('main.list-main');
  expect(await main.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const tools = [
    await boxOf('search box', page.getByRole('searchbox', { name: 'Search stories' })),
    await boxOf('sort', page.getByRole('combobox')),
    await boxOf('Mine', page.getByRole('checkbox', { name: 'Mine' })),
  ];
  for (const button of await page.getByRole('group', { name: 'Status' }).getByRole('button').all()) {
    tools.push(await boxOf(`status ${await button.innerText()}`, button));
  }
  for (const box of tools) expectInside(box, width);
  expectApart(tools);
  expect(tools[0]!.width, 'the search box is wide enough to type in').toBeGreaterThan(200);

  // The first card holds the long headline: every part of it on screen, none over another.
  const first = cards.first();
  await expect(first).toContainText('northern breakwater');
  const card = await boxOf('card', first);
  expectInside(card, width);
  const parts = [
    await boxOf('headline', first.locator('.story-headline a')),
    await boxOf('status', first.locator('.badge')),
    await boxOf('words', first.locator('.story-words-cell')),
    await boxOf('people', first.locator('.story-people-cell')),
    await boxOf('last change', first.locator('time')),
  ];
  for (const part of parts) {
    expectInside(part, width);
    expect(part.y).toBeGreaterThanOrEqual(card.y);
    expect(part.y + part.height).toBeLessThanOrEqual(card.y + card.height + 0.5);
  }
  expectApart(parts);
  const second = await boxOf('second card', cards.nth(1));
  expect(overlaps(card, second), 'the first card overlaps the second').toBe(false);

  // Sorting by headline puts the long headline first too ("A ..."), and "Story 10" after "Story 9".
  await page.getByRole('combobox').selectOption('headline');
  await expect(cards.first()).toContainText('northern breakwater');
  const headlines = await cards.locator('.story-headline a').allInnerTexts();
  expect(headlines.indexOf('Story 9')).toBeLessThan(headlines.indexOf('Story 10'));

  // Scrolling to the end loads the rest, each story once.
  await page.getByRole('button', { name: 'More stories' }).scrollIntoViewIfNeeded();
  await expect(cards).toHaveCount(total);
  await expect(page.getByRole('button', { name: 'More stories' })).toHaveCount(0);
  const all = await cards.locator('.story-headline a').allInnerTexts();
  expect(new Set(all).size).toBe(total);
  await context.close();
});
