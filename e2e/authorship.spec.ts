import { expect, test, type Browser, type Page } from '@playwright/test';
import { colorForUsername } from '../server/auth/userColor.ts';
import { createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ada: Account;
let grace: Account;

test.beforeAll(async () => {
  const url = copydesk.server.url;
  ada = await createAccount(url, 'ada', 'Ada Lovelace', 'reporter');
  grace = await createAccount(url, 'grace', 'Grace Hopper', 'editor');
});

async function openAs(browser: Browser, url: string, account: Account): Promise<Page> {
  const page = await pageAs(browser, copydesk.server.url, account);
  await page.goto(url);
  await expectSaved(page);
  return page;
}

/** "#d1495b" as the browser reports a colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Matches a style attribute that uses colour `hex` (the browser writes it as rgb()). */
function usesColor(hex: string): RegExp {
  return new RegExp(rgb(hex).replace(/[()]/g, '\\$&'));
}

test('the authorship view colours two writers’ words in their cursor colours, with a legend and names on hover', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Lighthouse keepers return', await signInCookie(url, ada.username, ada.password));
  const storyUrl = `${url}/stories/${story.id}`;
  const adaPage = await openAs(browser, storyUrl, ada);
  const gracePage = await openAs(browser, storyUrl, grace);

  await cursorToEnd(adaPage);
  await adaPage.keyboard.type('Ada wrote the first paragraph.');
  await expect(storyText(gracePage)).toContainText('Ada wrote the first paragraph.');
  await cursorToEnd(gracePage);
  await gracePage.keyboard.press('Enter');
  await gracePage.keyboard.type('Grace added the quote.');
  await expect(storyText(adaPage)).toContainText('Grace added the quote.');
  await expectSaved(gracePage);

  const toggle = gracePage.getByRole('button', { name: 'Authorship: colour the text by who wrote it' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  const legend = gracePage.getByRole('region', { name: 'Authorship' });
  await expect(legend.getByRole('listitem').filter({ hasText: /^Ada Lovelace$/ })).toHaveCount(1);
  await expect(legend.getByRole('listitem').filter({ hasText: /^Grace Hopper$/ })).toHaveCount(1);
  await expect(legend.getByRole('listitem').filter({ hasText: 'Headline given at creation by Ada Lovelace' })).toHaveCount(1);
  const adaColor = colorForUsername('ada');
  const graceColor = colorForUsername('grace');
  expect(adaColor).not.toBe(graceColor);
  await expect(legend.getByRole('listitem').filter({ hasText: /^Ada Lovelace$/ }).locator('.authorship-swatch')).toHaveCSS('background-color', rgb(adaColor));
  await expect(legend.getByRole('listitem').filter({ hasText: /^Grace Hopper$/ }).locator('.authorship-swatch')).toHaveCSS('background-color', rgb(graceColor));

  // Each writer's words carry their colour and, on hover, their name.
  const adaRun = storyText(gracePage).locator('.authorship-run[title="Ada Lovelace"]');
  const graceRun = storyText(gracePage).locator('.authorship-run[title="Grace Hopper"]');
  await expect(adaRun).toHaveText('Ada wrote the first paragraph.');
  await expect(graceRun).toHaveText('Grace added the quote.');
  await expect(adaRun).toHaveAttribute('style', usesColor(adaColor));
  await expect(graceRun).toHaveAttribute('style', usesColor(graceColor));
  // The same colour as Ada's caret in Grace's editor.
  await expect(storyText(gracePage).locator('.collaboration-carets__caret').first()).toHaveAttribute('style', usesColor(adaColor));

  // It follows live typing: Ada's next words join her colour after a pause.
  await adaPage.keyboard.type(' And a second sentence.');
  await expect(adaRun).toHaveText('Ada wrote the first paragraph. And a second sentence.');

  // Off again: no colours, no legend.
  await toggle.click();
  await expect(storyText(gracePage).locator('.authorship-run')).toHaveCount(0);
  await expect(legend).toHaveCount(0);
});
