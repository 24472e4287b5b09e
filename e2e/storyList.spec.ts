import { expect, test } from '@playwright/test';
import { startCopydesk, type CopydeskServer } from './support/copydeskServer.ts';
import { expectSaved, giveName } from './support/editorPage.ts';

let copydesk: CopydeskServer;

test.beforeAll(async () => {
  copydesk = await startCopydesk();
});

test.afterAll(async () => {
  await copydesk?.stop();
});

test('the list starts empty, shows a new story and who is in it', async ({ browser }) => {
  const desk = await (await browser.newContext()).newPage();
  await desk.goto(copydesk.server.url);
  await expect(desk.getByRole('heading', { name: 'No stories yet — start the first one' })).toBeVisible();

  await desk.getByRole('button', { name: 'Start a story' }).click();
  await desk.getByRole('dialog', { name: 'New story' }).getByLabel('Headline').fill('Storm warning for the east coast');
  await desk.getByRole('button', { name: 'Create story' }).click();
  await giveName(desk, 'Nellie Bly');
  await expectSaved(desk);
  const storyPath = new URL(desk.url()).pathname;

  // Someone else joins the story; the desk goes back to the list and sees them there.
  const reporter = await (await browser.newContext()).newPage();
  await reporter.goto(copydesk.server.url + storyPath);
  await giveName(reporter, 'Ida Wells');
  await expectSaved(reporter);

  await desk.getByRole('link', { name: '← All stories' }).click();
  const row = desk.getByRole('row', { name: /Storm warning for the east coast/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Draft');
  await expect(row.getByRole('list', { name: /Ida Wells/ })).toContainText('IW');
  await expect(desk.getByRole('heading', { name: /No stories yet/ })).toHaveCount(0);

  await row.getByRole('link', { name: 'Storm warning for the east coast' }).click();
  await expect(desk).toHaveURL(new RegExp(`${storyPath}$`));
  await expectSaved(desk);
});

test('a story that does not exist says so instead of opening an empty editor', async ({ page }) => {
  await page.goto(`${copydesk.server.url}/stories/no-such-story`);
  await giveName(page, 'Nellie Bly');
  await expect(page.getByRole('alert')).toContainText('This story does not exist');
  await expect(page.getByLabel('Story text')).toHaveCount(0);
});
