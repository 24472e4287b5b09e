import { expect, test } from '@playwright/test';
import { createAccount, pageAs, signInWithForm, type Account } from './support/accounts.ts';
import { expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;
let ida: Account;
let vera: Account;

test.beforeAll(async () => {
  const url = copydesk.server.url;
  nellie = await createAccount(url, 'nellie', 'Nellie Bly', 'editor');
  ida = await createAccount(url, 'ida', 'Ida Wells', 'reporter');
  vera = await createAccount(url, 'vera', 'Vera Viewer', 'viewer');
});

test('the list starts empty, shows a new story, its creator, who is in it, and filters by status and "mine"', async ({ browser }) => {
  const desk = await pageAs(browser, copydesk.server.url, nellie);
  await desk.goto(copydesk.server.url);
  await expect(desk.getByRole('heading', { name: 'No stories yet — start the first one' })).toBeVisible();

  await desk.getByRole('button', { name: 'Start a story' }).click();
  await desk.getByRole('dialog', { name: 'New story' }).getByLabel('Headline').fill('Storm warning for the east coast');
  await desk.getByRole('button', { name: 'Create story' }).click();
  await expectSaved(desk);
  const storyPath = new URL(desk.url()).pathname;

  // Someone else joins the story; the desk goes back to the list and sees them there.
  const reporter = await pageAs(browser, copydesk.server.url, ida);
  await reporter.goto(copydesk.server.url + storyPath);
  await expectSaved(reporter);

  await desk.getByRole('link', { name: '← All stories' }).click();
  const row = desk.getByRole('row', { name: /Storm warning for the east coast/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Draft');
  await expect(row).toContainText('by Nellie Bly');
  await expect(row.getByRole('list', { name: /Ida Wells/ })).toContainText('IW');
  await expect(desk.getByRole('heading', { name: /No stories yet/ })).toHaveCount(0);

  // Filters: nothing is in review; the story is the desk's own, not Ida's.
  const status = desk.getByRole('group', { name: 'Status' });
  await status.getByRole('button', { name: 'In review' }).click();
  await expect(desk.getByRole('heading', { name: 'No stories match these filters' })).toBeVisible();
  await status.getByRole('button', { name: 'Draft' }).click();
  await desk.getByRole('checkbox', { name: 'Mine' }).check();
  await expect(row).toBeVisible();
  await reporter.goto(copydesk.server.url);
  await reporter.getByRole('checkbox', { name: 'Mine' }).check();
  await expect(reporter.getByRole('heading', { name: 'No stories match these filters' })).toBeVisible();
  await reporter.getByRole('checkbox', { name: 'Mine' }).uncheck();
  await expect(reporter.getByRole('row', { name: /Storm warning/ })).toBeVisible();

  await status.getByRole('button', { name: 'All' }).click();
  await row.getByRole('link', { name: 'Storm warning for the east coast' }).click();
  await expect(desk).toHaveURL(new RegExp(`${storyPath}$`));
  await expectSaved(desk);
});

test('a viewer reads the list but cannot start a story', async ({ browser }) => {
  const viewer = await pageAs(browser, copydesk.server.url, vera);
  await viewer.goto(copydesk.server.url);
  await expect(viewer.getByRole('row', { name: /Storm warning/ })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'New story' })).toHaveCount(0);
  await expect(viewer.locator('.user-menu')).toContainText('Vera Viewer');
});

test('signed out, a story link asks for sign-in and then opens that story; an unknown story says so', async ({ page }) => {
  await page.goto(`${copydesk.server.url}/stories/no-such-story`);
  await page.getByLabel('Username').fill(nellie.username);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await signInWithForm(page, nellie);
  await expect(page).toHaveURL(/\/stories\/no-such-story$/);
  await expect(page.getByRole('alert')).toContainText('This story does not exist');
  await expect(page.getByLabel('Story text')).toHaveCount(0);
});
